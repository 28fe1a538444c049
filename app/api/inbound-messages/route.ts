import { queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { listInboundMessages } from '@/lib/ingest/data'
import { inboundQuerySchema } from '@/lib/ingest/schema'

export const dynamic = 'force-dynamic'

export const GET = withPermission('diagnostics.read', async ({ db, request }) =>
  Response.json(await listInboundMessages(db, inboundQuerySchema.parse(queryOf(request)))),
)
