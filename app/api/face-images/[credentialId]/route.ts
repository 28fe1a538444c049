import { getAuthSecret } from '@/lib/auth/auth-secret'
import { getDb } from '@/lib/db/client'
import { faceImageResponse } from '@/lib/sync/face-image-response'

export const dynamic = 'force-dynamic'

// Public by design: Tuya Cloud downloads enrolled faces from here; the URL's HMAC signature and expiry are the
// authentication (docs/door-sync.md "Face photos").
export async function GET(request: Request, context: { params: Promise<{ credentialId: string }> }) {
  const { credentialId } = await context.params
  return faceImageResponse(getDb(), credentialId, new URL(request.url), getAuthSecret())
}
