import { markCallSeen } from '@/lib/calls/mutations'
import { auditContextOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const POST = withPermission<{ id: string }>('calls.answer', async ({ db, actor, request, params }) =>
  Response.json(await markCallSeen(db, actor, params.id, auditContextOf(request))),
)
