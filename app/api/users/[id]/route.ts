import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { changeUserAccess } from '@/lib/users/mutations'

export const dynamic = 'force-dynamic'

export const PATCH = withPermission<{ id: string }>('users.manage', async ({ db, actor, request, params }) =>
  Response.json(await changeUserAccess(db, actor, params.id, await jsonBodyOf(request), auditContextOf(request))),
)
