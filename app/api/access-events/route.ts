import { listAccessEventsFor } from '@/lib/access/list-request'
import { auditContextOf, queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission('access.read', async ({ db, actor, request }) =>
  Response.json(await listAccessEventsFor(db, actor, queryOf(request), auditContextOf(request))),
)
