import { listDeviceGroups } from '@/lib/device-groups/data'
import { createDeviceGroup } from '@/lib/device-groups/mutations'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission('devices.read', async ({ db }) => Response.json(await listDeviceGroups(db)))

export const POST = withPermission('credentials.manage', async ({ db, actor, request }) =>
  Response.json(await createDeviceGroup(db, actor, await jsonBodyOf(request), auditContextOf(request)), {
    status: 201,
  }),
)
