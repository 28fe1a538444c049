import { auditContextOf, queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { accessReportFor } from '@/lib/reports/access-report'

export const dynamic = 'force-dynamic'

export const GET = withPermission('reports.read', async ({ db, actor, request }) =>
  Response.json(await accessReportFor(db, actor, queryOf(request), auditContextOf(request))),
)
