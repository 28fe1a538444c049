import { addCard } from '@/lib/credentials/mutations'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const POST = withPermission<{ id: string }>('credentials.manage', async ({ db, actor, request, params }) =>
  Response.json(await addCard(db, actor, params.id, await jsonBodyOf(request), auditContextOf(request)), {
    status: 201,
  }),
)
