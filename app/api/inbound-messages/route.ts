import { queryOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'
import { listInboundMessages } from '@/lib/ingest/data'
import { inboundQuerySchema } from '@/lib/ingest/schema'

export const dynamic = 'force-dynamic'

export const GET = withRole(['admin'], async ({ db, request }) =>
  Response.json(await listInboundMessages(db, inboundQuerySchema.parse(queryOf(request)))),
)
