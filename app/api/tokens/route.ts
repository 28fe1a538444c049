import { listApiTokens } from '@/lib/auth/api-tokens'
import { withPermission } from '@/lib/http/with-permission'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { issueApiToken } from '@/lib/users/mutations'

export const dynamic = 'force-dynamic'

export const GET = withPermission('tokens.manage', async ({ db }) =>
  Response.json({ items: await listApiTokens(db), nextCursor: null }),
)

export const POST = withPermission('tokens.manage', async ({ db, actor, request }) =>
  Response.json(await issueApiToken(db, actor, await jsonBodyOf(request), auditContextOf(request)), { status: 201 }),
)
