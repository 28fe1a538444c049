import { withPermission } from '@/lib/http/with-permission'
import { residentSync } from '@/lib/sync/data'

export const dynamic = 'force-dynamic'

export const GET = withPermission<{ id: string }>('sync.read', async ({ db, params }) =>
  Response.json(await residentSync(db, params.id)),
)
