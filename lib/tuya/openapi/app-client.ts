// The process-wide OpenAPI client (one token manager for every caller), on globalThis so route handlers and
// server.ts share it.
import { getEnv } from '@/lib/env'
import { createAllowedHosts } from '@/lib/snapshots/allowed-hosts'
import { createTuyaClient, type TuyaClient } from '@/lib/tuya/openapi/openapi-client'

const store = globalThis as unknown as { __tuyaClient?: TuyaClient }

export function getTuyaClient(): TuyaClient {
  if (!store.__tuyaClient) {
    const { tuya, snapshots } = getEnv()
    store.__tuyaClient = createTuyaClient({
      baseUrl: tuya.openApiUrl,
      accessId: tuya.accessId,
      accessSecret: tuya.accessSecret,
      mediaPolicy: { allowedHosts: createAllowedHosts(snapshots.allowedHosts) },
    })
  }
  return store.__tuyaClient
}
