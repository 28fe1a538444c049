import { listDevices } from '@/lib/devices/data'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission('devices.read', async ({ db }) => Response.json(await listDevices(db)))
