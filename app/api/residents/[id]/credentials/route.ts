import { can } from '@/lib/auth/permissions'
import { listCredentials } from '@/lib/credentials/data'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission<{ id: string }>('residents.read', async ({ db, actor, params }) =>
  Response.json(await listCredentials(db, params.id, { revealCards: can(actor.role, 'credentials.manage') }), {
    headers: { 'cache-control': 'no-store' },
  }),
)
