import { getDeviceDetail } from '@/lib/devices/data'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

/** One device's page: its state, the last thing it reported, and its recent access events, calls and alarms. */
export const GET = withPermission<{ id: string }>('devices.monitor', async ({ db, params }) =>
  Response.json(await getDeviceDetail(db, params.id)),
)
