import { withPermission } from '@/lib/http/with-permission'
import { auditContextOf } from '@/lib/http/request-input'
import { withdrawApiToken } from '@/lib/users/mutations'

export const dynamic = 'force-dynamic'

export const DELETE = withPermission<{ id: string }>('tokens.manage', async ({ db, actor, request, params }) =>
  Response.json(await withdrawApiToken(db, actor, params.id, auditContextOf(request))),
)
