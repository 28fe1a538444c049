import { revokeCredential } from '@/lib/credentials/mutations'
import { auditContextOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

export const DELETE = withPermission<{ id: string; credentialId: string }>(
  'credentials.manage',
  async ({ db, actor, request, params }) =>
    Response.json(await revokeCredential(db, actor, params.id, params.credentialId, 'card', auditContextOf(request))),
)
