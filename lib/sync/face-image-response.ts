// GET /api/face-images/{credentialId}?exp&sig, the one unauthenticated image the console serves: only with a valid,
// unexpired signature (lib/sync/face-image-url.ts), only a face photo, only as image bytes, never cached. Every
// refusal is the same 404, so the answer tells a prober nothing about which credentials exist.
import type { Db } from '@/lib/db/client'
import { notFound } from '@/lib/errors'
import { errorResponse } from '@/lib/http/error-response'
import { readFaceImage } from '@/lib/sync/data'
import { verifyFaceImageSignature } from '@/lib/sync/face-image-url'

export async function faceImageResponse(
  db: Db,
  credentialId: string,
  url: URL,
  secret: string,
  now = Date.now(),
): Promise<Response> {
  try {
    const signed = verifyFaceImageSignature({
      credentialId,
      exp: url.searchParams.get('exp'),
      sig: url.searchParams.get('sig'),
      secret,
      now,
    })
    if (!signed) throw notFound('Face image')
    const image = await readFaceImage(db, credentialId)
    return new Response(new Uint8Array(image.bytes), {
      headers: {
        'content-type': image.contentType,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
