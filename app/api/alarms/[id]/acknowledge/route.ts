import { handleAlarm } from '@/lib/alarms/mutations'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'

export const dynamic = 'force-dynamic'

export const POST = withRole<{ id: string }>(['guard', 'admin'], async ({ db, actor, request, params }) =>
  Response.json(
    await handleAlarm(db, actor, params.id, 'acknowledge', await jsonBodyOf(request), auditContextOf(request)),
  ),
)
