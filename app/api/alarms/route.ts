import { alarmQuerySchema, listAlarms } from '@/lib/alarms/data'
import { queryOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const GET = withPermission('alarms.read', async ({ db, request }) =>
  Response.json(await listAlarms(db, alarmQuerySchema.parse(queryOf(request)))),
)
