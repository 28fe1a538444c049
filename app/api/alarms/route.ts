import { alarmQuerySchema, listAlarms } from '@/lib/alarms/data'
import { queryOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'

export const dynamic = 'force-dynamic'

export const GET = withRole(['guard', 'manager', 'admin'], async ({ db, request }) =>
  Response.json(await listAlarms(db, alarmQuerySchema.parse(queryOf(request)))),
)
