import { withPermission } from '@/lib/http/with-permission'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { listUsers } from '@/lib/users/data'
import { addUser } from '@/lib/users/mutations'

export const dynamic = 'force-dynamic'

export const GET = withPermission('users.manage', async ({ db }) =>
  Response.json({ items: await listUsers(db), nextCursor: null }),
)

export const POST = withPermission('users.manage', async ({ db, actor, request }) =>
  Response.json(await addUser(db, actor, await jsonBodyOf(request), auditContextOf(request)), { status: 201 }),
)
