import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { listUnits } from '@/lib/units/data'
import { createUnit } from '@/lib/units/mutations'

export const dynamic = 'force-dynamic'

export const GET = withPermission('units.read', async ({ db }) => Response.json(await listUnits(db)))

export const POST = withPermission('units.write', async ({ db, actor, request }) =>
  Response.json(await createUnit(db, actor, await jsonBodyOf(request), auditContextOf(request)), { status: 201 }),
)
