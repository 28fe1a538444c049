import { withPermission } from '@/lib/http/with-permission'
import { proxyStreamPart } from '@/lib/streams/proxy-stream'
import { streamProxyConfig } from '@/lib/streams/stream-config'

export const dynamic = 'force-dynamic'

export const GET = withPermission<{ token: string }>('calls.answer', async ({ actor, params }) =>
  proxyStreamPart(params.token, actor.userId, streamProxyConfig()),
)
