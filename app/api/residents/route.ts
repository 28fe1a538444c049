import { queryOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'
import { listResidents } from '@/lib/residents/data'
import { residentQuerySchema } from '@/lib/residents/schema'

export const dynamic = 'force-dynamic'

export const GET = withRole(['guard', 'manager', 'admin'], async ({ db, request }) =>
  Response.json(await listResidents(db, residentQuerySchema.parse(queryOf(request)))),
)
