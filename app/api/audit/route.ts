import { listAudit } from '@/lib/audit/data'
import { auditQuerySchema } from '@/lib/audit/schema'
import { withPermission } from '@/lib/http/with-permission'
import { queryOf } from '@/lib/http/request-input'

export const dynamic = 'force-dynamic'

export const GET = withPermission('audit.read', async ({ db, request }) =>
  Response.json(await listAudit(db, auditQuerySchema.parse(queryOf(request)))),
)
