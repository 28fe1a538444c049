import { queryOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'
import { inboundQuerySchema, listInboundMessages } from '@/lib/ingest/data'

export const dynamic = 'force-dynamic'

export const GET = withRole(['admin'], async ({ db, request }) =>
  Response.json(await listInboundMessages(db, inboundQuerySchema.parse(queryOf(request)))),
)
