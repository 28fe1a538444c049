import { listAudit } from '@/lib/audit/data'
import { auditQuerySchema } from '@/lib/audit/schema'
import { withRole } from '@/lib/http/with-role'
import { queryOf } from '@/lib/http/request-input'

export const dynamic = 'force-dynamic'

export const GET = withRole(['admin', 'manager'], async ({ db, request }) =>
  Response.json(await listAudit(db, auditQuerySchema.parse(queryOf(request)))),
)
