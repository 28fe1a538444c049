import { ALL_ROLES, withRole } from '@/lib/http/with-role'

export const dynamic = 'force-dynamic'

export const GET = withRole(ALL_ROLES, async ({ actor }) =>
  Response.json({ id: actor.userId, email: actor.email, name: actor.name, role: actor.role, via: actor.via }),
)
