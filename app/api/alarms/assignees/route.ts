import { listAlarmAssignees } from '@/lib/alarms/data'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

/** Who an alarm may be assigned to: active operators whose role handles alarms (for the assign picker). */
export const GET = withPermission('alarms.handle', async ({ db }) => Response.json(await listAlarmAssignees(db)))
