import { listAccessEvents } from '@/lib/access/data'
import { accessQuerySchema } from '@/lib/access/schema'
import { queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission('access.read', async ({ db, request }) =>
  Response.json(await listAccessEvents(db, accessQuerySchema.parse(queryOf(request)))),
)
