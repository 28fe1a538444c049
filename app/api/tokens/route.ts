import { listApiTokens } from '@/lib/auth/api-tokens'
import { withRole } from '@/lib/http/with-role'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { issueApiToken } from '@/lib/users/mutations'

export const dynamic = 'force-dynamic'

export const GET = withRole(['admin'], async ({ db }) =>
  Response.json({ items: await listApiTokens(db), nextCursor: null }),
)

export const POST = withRole(['admin'], async ({ db, actor, request }) =>
  Response.json(await issueApiToken(db, actor, await jsonBodyOf(request), auditContextOf(request)), { status: 201 }),
)
