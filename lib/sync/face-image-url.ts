// Tuya enrols a face from a URL it downloads (docs/tuya-devices.md §3.3). The console serves the enrolled photo
// at `/api/face-images/{credentialId}?exp=…&sig=…`: no session (Tuya has none), but an HMAC over the credential
// id and the expiry with a key derived from the server secret, valid for minutes. Anyone without the secret can
// neither forge a URL nor stretch one's life; a URL that leaked stops working when it expires.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const FACE_URL_TTL_MS = 10 * 60_000

function signature(credentialId: string, exp: number, secret: string): Buffer {
  const key = createHmac('sha256', secret).update('face-image-url:v1').digest()
  return createHmac('sha256', key).update(`${credentialId}.${exp}`).digest()
}

export function faceImagePath(credentialId: string): string {
  return `/api/face-images/${encodeURIComponent(credentialId)}`
}

export function signFaceImageUrl(input: {
  baseUrl: string
  credentialId: string
  secret: string
  now?: number
  ttlMs?: number
}): string {
  const exp = Math.floor(((input.now ?? Date.now()) + (input.ttlMs ?? FACE_URL_TTL_MS)) / 1000)
  const sig = signature(input.credentialId, exp, input.secret).toString('base64url')
  return `${input.baseUrl.replace(/\/+$/, '')}${faceImagePath(input.credentialId)}?exp=${exp}&sig=${sig}`
}

/**
 * True when `exp`/`sig` were issued by this server for this credential and have not expired. An expiry further
 * ahead than any URL we issue is refused too, so a forged far-future expiry cannot help even with a leaked pair.
 */
export function verifyFaceImageSignature(input: {
  credentialId: string
  exp: string | null
  sig: string | null
  secret: string
  now?: number
}): boolean {
  if (!input.exp || !input.sig || !/^\d{1,12}$/.test(input.exp) || !/^[A-Za-z0-9_-]{43}$/.test(input.sig)) return false
  const exp = Number(input.exp)
  const nowSeconds = (input.now ?? Date.now()) / 1000
  if (exp < nowSeconds || exp > nowSeconds + FACE_URL_TTL_MS / 1000 + 60) return false
  const expected = signature(input.credentialId, exp, input.secret)
  const given = Buffer.from(input.sig, 'base64url')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
