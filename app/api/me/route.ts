import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission('me.read', async ({ actor }) =>
  Response.json({ id: actor.userId, email: actor.email, name: actor.name, role: actor.role, via: actor.via }),
)
