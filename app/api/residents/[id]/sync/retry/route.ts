import { withPermission } from '@/lib/http/with-permission'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { retryResidentSync } from '@/lib/sync/mutations'

export const dynamic = 'force-dynamic'

export const POST = withPermission<{ id: string }>('sync.retry', async ({ db, actor, request, params }) =>
  Response.json(await retryResidentSync(db, actor, params.id, await jsonBodyOf(request), auditContextOf(request))),
)
