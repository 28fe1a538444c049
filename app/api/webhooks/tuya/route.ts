import { getDb } from '@/lib/db/client'
import { getEnv } from '@/lib/env'
import { handleTuyaWebhook } from '@/lib/ingest/sources/handle-webhook'

export const dynamic = 'force-dynamic'

// Authenticated by its HMAC signature, not by a session (README "Webhook"; docs/tuya-protocol.md §4.4).
export async function POST(request: Request) {
  const { tuya } = getEnv()
  return handleTuyaWebhook(getDb(), request, { accessId: tuya.accessId, accessSecret: tuya.accessSecret })
}
