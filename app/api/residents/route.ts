import { auditContextOf, jsonBodyOf, queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { listResidents } from '@/lib/residents/data'
import { createResident } from '@/lib/residents/mutations'
import { residentQuerySchema } from '@/lib/residents/schema'

export const dynamic = 'force-dynamic'

export const GET = withPermission('residents.read', async ({ db, request }) =>
  Response.json(await listResidents(db, residentQuerySchema.parse(queryOf(request)))),
)

export const POST = withPermission('residents.write', async ({ db, actor, request }) =>
  Response.json(await createResident(db, actor, await jsonBodyOf(request), auditContextOf(request)), { status: 201 }),
)
