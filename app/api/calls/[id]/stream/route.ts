import { auditContextOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'
import { openCallStream } from '@/lib/streams/mutations'
import { streamProxyConfig } from '@/lib/streams/stream-config'
import { getTuyaClient } from '@/lib/tuya/openapi/app-client'
import { createStreamApi } from '@/lib/tuya/openapi/openapi-streams'

export const dynamic = 'force-dynamic'

export const POST = withPermission<{ id: string }>('calls.answer', async ({ db, actor, request, params }) => {
  const deps = () => {
    const config = streamProxyConfig()
    return {
      api: createStreamApi(getTuyaClient().request),
      secret: config.secret,
      allowedHosts: config.policy().allowedHosts,
    }
  }
  return Response.json(await openCallStream(db, deps, actor, params.id, auditContextOf(request)))
})
