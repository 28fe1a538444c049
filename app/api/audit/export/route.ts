import { exportAudit } from '@/lib/audit/export-request'
import { auditContextOf, queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission('audit.export', async ({ db, actor, request }) =>
  exportAudit(db, actor, queryOf(request), auditContextOf(request)),
)
