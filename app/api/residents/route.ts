import { queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { listResidents } from '@/lib/residents/data'
import { residentQuerySchema } from '@/lib/residents/schema'

export const dynamic = 'force-dynamic'

export const GET = withPermission('residents.read', async ({ db, request }) =>
  Response.json(await listResidents(db, residentQuerySchema.parse(queryOf(request)))),
)
