import { getAlarmDetail } from '@/lib/alarms/data'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

/** One alarm with its whole history (who acknowledged, assigned, commented, resolved; escalations). */
export const GET = withPermission<{ id: string }>('alarms.read', async ({ db, params }) =>
  Response.json(await getAlarmDetail(db, params.id)),
)
