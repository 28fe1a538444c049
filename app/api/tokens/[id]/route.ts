import { withRole } from '@/lib/http/with-role'
import { auditContextOf } from '@/lib/http/request-input'
import { withdrawApiToken } from '@/lib/users/mutations'

export const dynamic = 'force-dynamic'

export const DELETE = withRole<{ id: string }>(['admin'], async ({ db, actor, request, params }) =>
  Response.json(await withdrawApiToken(db, actor, params.id, auditContextOf(request))),
)
