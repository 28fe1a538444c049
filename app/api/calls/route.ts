import { callQuerySchema, listCalls } from '@/lib/calls/data'
import { queryOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'

export const dynamic = 'force-dynamic'

export const GET = withRole(['guard', 'admin'], async ({ db, request }) =>
  Response.json(await listCalls(db, callQuerySchema.parse(queryOf(request)))),
)
