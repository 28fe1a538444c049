// The browser never sees a Tuya stream URL: every playlist and segment is reached through
// `/api/streams/{token}`, where the token seals (AES-256-GCM under keys derived from the server secret, keys of
// their own) the upstream URL, what it is, who may fetch it and until when. A guard cannot point the proxy at a
// URL of their choosing, nor hand a token to another account.
//
// Sealing is deterministic (the IV is an HMAC of the plaintext, as in SIV modes): the same segment keeps the same
// URL across playlist refreshes, which HLS players check (hls.js stops on a "media sequence mismatch" when a
// segment's URI changes). Equal tokens reveal only that they seal the same thing; distinct plaintexts get
// distinct IVs, so no IV is ever reused for two messages.
import { createCipheriv, createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

export type StreamPartKind = 'playlist' | 'segment'

const tokenSchema = z.object({
  /** Upstream URL (already checked against the stream hosts when sealed; checked again when fetched). */
  u: z.string().url(),
  k: z.enum(['playlist', 'segment']),
  /** The user it was issued to. */
  uid: z.string(),
  /** Expiry, ms since the epoch. */
  exp: z.number().int(),
})
export type StreamToken = z.infer<typeof tokenSchema>

function keysOf(secret: string) {
  const root = createHash('sha256').update(`stream-token:v1:${secret}`).digest()
  return {
    enc: createHmac('sha256', root).update('encrypt').digest(),
    iv: createHmac('sha256', root).update('iv').digest(),
  }
}

export function sealStreamToken(token: StreamToken, secret: string): string {
  const keys = keysOf(secret)
  const plain = Buffer.from(JSON.stringify({ u: token.u, k: token.k, uid: token.uid, exp: token.exp }), 'utf8')
  const iv = createHmac('sha256', keys.iv).update(plain).digest().subarray(0, 12)
  const cipher = createCipheriv('aes-256-gcm', keys.enc, iv)
  const data = Buffer.concat([cipher.update(plain), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.')
}

export type OpenedToken = { ok: true; token: StreamToken } | { ok: false; reason: 'invalid' | 'expired' | 'not_yours' }

function unseal(sealed: string, secret: string): StreamToken {
  const [version, ivText, tagText, dataText] = sealed.split('.')
  if (version !== 'v1' || !ivText || !tagText || dataText === undefined) throw new Error('not a stream token')
  const keys = keysOf(secret)
  const iv = Buffer.from(ivText, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', keys.enc, iv)
  decipher.setAuthTag(Buffer.from(tagText, 'base64url'))
  const plain = Buffer.concat([decipher.update(Buffer.from(dataText, 'base64url')), decipher.final()])
  const expectedIv = createHmac('sha256', keys.iv).update(plain).digest().subarray(0, 12)
  if (iv.length !== 12 || !timingSafeEqual(iv, expectedIv)) throw new Error('not a stream token')
  return tokenSchema.parse(JSON.parse(plain.toString('utf8')))
}

export function openStreamToken(sealed: string, secret: string, userId: string, now: number): OpenedToken {
  let token: StreamToken
  try {
    token = unseal(sealed, secret)
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (token.uid !== userId) return { ok: false, reason: 'not_yours' }
  if (token.exp < now) return { ok: false, reason: 'expired' }
  return { ok: true, token }
}
