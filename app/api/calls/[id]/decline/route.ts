import { respondToCall } from '@/lib/calls/mutations'
import { auditContextOf } from '@/lib/http/request-input'
import { withRole } from '@/lib/http/with-role'

export const dynamic = 'force-dynamic'

export const POST = withRole<{ id: string }>(['guard', 'admin'], async ({ db, actor, request, params }) =>
  Response.json(await respondToCall(db, actor, params.id, 'decline', auditContextOf(request))),
)
