// The live-view proxy's settings from the environment: the server secret for the tokens and the stream hosts
// (Tuya's, plus SNAPSHOT_ALLOWED_HOSTS and the demo simulator).
import { getAuthSecret } from '@/lib/auth/auth-secret'
import { getEnv } from '@/lib/env'
import { createStreamHosts } from '@/lib/streams/stream-hosts'
import type { StreamProxyConfig } from '@/lib/streams/proxy-stream'

export function streamProxyConfig(): StreamProxyConfig {
  return {
    secret: getAuthSecret(),
    policy: () => ({ allowedHosts: createStreamHosts(getEnv().snapshots.allowedHosts) }),
  }
}
