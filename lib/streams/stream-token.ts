// The browser never sees a Tuya stream URL: every playlist and segment is reached through
// `/api/streams/{token}`, where the token seals (AES-256-GCM under a key derived from the server secret, a key
// of its own) the upstream URL, what it is, who may fetch it and until when. A guard cannot point the proxy at
// a URL of their choosing, nor hand a token to another account.
import { z } from 'zod'
import { sealSecret, unsealSecret } from '@/lib/auth/seal'

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

const keyOf = (secret: string) => `stream-token:${secret}`

export function sealStreamToken(token: StreamToken, secret: string): string {
  return sealSecret(JSON.stringify(token), keyOf(secret))
}

export type OpenedToken = { ok: true; token: StreamToken } | { ok: false; reason: 'invalid' | 'expired' | 'not_yours' }

export function openStreamToken(sealed: string, secret: string, userId: string, now: number): OpenedToken {
  let token: StreamToken
  try {
    token = tokenSchema.parse(JSON.parse(unsealSecret(sealed, keyOf(secret))))
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (token.uid !== userId) return { ok: false, reason: 'not_yours' }
  if (token.exp < now) return { ok: false, reason: 'expired' }
  return { ok: true, token }
}
