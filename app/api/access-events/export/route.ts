import { exportAccessEvents } from '@/lib/access/export-request'
import { auditContextOf, queryOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'

export const dynamic = 'force-dynamic'

export const GET = withRole(['manager', 'admin'], async ({ db, actor, request }) =>
  exportAccessEvents(db, actor, queryOf(request), auditContextOf(request)),
)
