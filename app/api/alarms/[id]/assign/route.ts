import { handleAlarm } from '@/lib/alarms/mutations'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const POST = withPermission<{ id: string }>('alarms.handle', async ({ db, actor, request, params }) =>
  Response.json(await handleAlarm(db, actor, params.id, 'assign', await jsonBodyOf(request), auditContextOf(request))),
)
