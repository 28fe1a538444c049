import { exportAccessEvents } from '@/lib/access/export-request'
import { auditContextOf, queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission('history.export', async ({ db, actor, request }) =>
  exportAccessEvents(db, actor, queryOf(request), auditContextOf(request)),
)
