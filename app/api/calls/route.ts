import { callQuerySchema, listCalls } from '@/lib/calls/data'
import { queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission('calls.read', async ({ db, request }) =>
  Response.json(await listCalls(db, callQuerySchema.parse(queryOf(request)))),
)
