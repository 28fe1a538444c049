import { deleteDeviceGroup, updateDeviceGroup } from '@/lib/device-groups/mutations'
import { auditContextOf, jsonBodyOf, queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const PATCH = withPermission<{ id: string }>('credentials.manage', async ({ db, actor, request, params }) =>
  Response.json(await updateDeviceGroup(db, actor, params.id, await jsonBodyOf(request), auditContextOf(request))),
)

export const DELETE = withPermission<{ id: string }>('credentials.manage', async ({ db, actor, request, params }) =>
  Response.json(await deleteDeviceGroup(db, actor, params.id, queryOf(request), auditContextOf(request))),
)
