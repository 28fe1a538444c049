import { listDevices } from '@/lib/devices/data'
import { withRole } from '@/lib/http/with-role'

export const dynamic = 'force-dynamic'

export const GET = withRole(['guard', 'admin'], async ({ db }) => Response.json(await listDevices(db)))
