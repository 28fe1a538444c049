import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { getResident } from '@/lib/residents/data'
import { eraseResident } from '@/lib/residents/erase-resident'
import { updateResident } from '@/lib/residents/mutations'

export const dynamic = 'force-dynamic'

export const GET = withPermission<{ id: string }>('residents.read', async ({ db, params }) =>
  Response.json(await getResident(db, params.id)),
)

export const PATCH = withPermission<{ id: string }>('residents.write', async ({ db, actor, request, params }) =>
  Response.json(await updateResident(db, actor, params.id, await jsonBodyOf(request), auditContextOf(request))),
)

/** 202: the erasure has begun; the devices confirm it one by one (status `erasing`, then `erased`). */
export const DELETE = withPermission<{ id: string }>('residents.write', async ({ db, actor, request, params }) => {
  const { item } = await eraseResident(db, actor, params.id, auditContextOf(request))
  return Response.json(item, { status: 202 })
})
