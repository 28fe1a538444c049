import { listAccessEvents } from '@/lib/access/data'
import { accessQuerySchema } from '@/lib/access/schema'
import { queryOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'

export const dynamic = 'force-dynamic'

export const GET = withRole(['guard', 'manager', 'admin'], async ({ db, request }) =>
  Response.json(await listAccessEvents(db, accessQuerySchema.parse(queryOf(request)))),
)
