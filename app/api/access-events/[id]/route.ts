import { readAccessEventDetail } from '@/lib/access/detail'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission<{ id: string }>('access.read', async ({ db, actor, params }) =>
  Response.json(await readAccessEventDetail(db, actor, params.id)),
)
