import { getDb } from '@/lib/db/client'
import { getEnv } from '@/lib/env'
import { handleTuyaWebhook } from '@/lib/ingest/sources/handle-webhook'

export const dynamic = 'force-dynamic'

// Authenticated by its HMAC signature, not by a session (INTERFACES.md "Webhook").
export async function POST(request: Request) {
  const { tuya } = getEnv()
  return handleTuyaWebhook(getDb(), request, { accessId: tuya.accessId, accessSecret: tuya.accessSecret })
}
