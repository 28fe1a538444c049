import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { setResidentGrants } from '@/lib/residents/mutations'

export const dynamic = 'force-dynamic'

export const PUT = withPermission<{ id: string }>('credentials.manage', async ({ db, actor, request, params }) =>
  Response.json(await setResidentGrants(db, actor, params.id, await jsonBodyOf(request), auditContextOf(request))),
)
