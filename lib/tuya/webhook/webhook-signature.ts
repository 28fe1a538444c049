// HTTP callback signature: hex HMAC-SHA256(key = secret, msg = clientId + t + raw payload bytes).
// Sources: docs/tuya-protocol.md §4.3 (vendor claim: header form) and §4.2 (Tuya's voice-skill callback:
// `client-id`, `timestamp`, `sign`, `payload` as JSON body fields; payload signed as the raw string); §4.4.
import { createHmac, timingSafeEqual } from 'node:crypto'

export type WebhookSignInput = { secret: string; clientId: string; t: string | number; body: string | Uint8Array }

/**
 * Lower-case hex HMAC-SHA256 over clientId + t + body. A received body is signed as the bytes that arrived:
 * decoding and re-encoding them would change any byte sequence that is not valid UTF-8.
 */
export function signWebhook({ secret, clientId, t, body }: WebhookSignInput): string {
  return createHmac('sha256', secret)
    .update(`${clientId}${t}`, 'utf8')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('hex')
}

/** Anything with case-insensitive `get` (fetch Headers) or a Node `IncomingHttpHeaders`-like record. */
export type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>

export function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === 'function') {
    const value = (headers as { get(name: string): string | null }).get(name)
    return value ?? undefined
  }
  const record = headers as Record<string, string | string[] | undefined>
  const wanted = name.toLowerCase()
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== wanted) continue
    const value = record[key]
    return Array.isArray(value) ? value[0] : value
  }
  return undefined
}

function firstHeader(headers: HeaderSource, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = readHeader(headers, name)
    if (value !== undefined && value !== '') return value
  }
  return undefined
}

export type WebhookVerifyInput = {
  headers: HeaderSource
  /** The body exactly as received; a string stands for its UTF-8 bytes. */
  rawBody: Uint8Array | string
  secret: string
  clientId: string
  now?: number
  windowMs?: number
}

export type WebhookFailureCode = 'missing_signature' | 'bad_signature' | 'unknown_client' | 'stale_timestamp'

export type WebhookVerifyResult =
  /** payloadRaw: the signed payload as text (the body decoded as UTF-8, or the body form's payload string). */
  | { ok: true; payloadRaw: string; clientId: string; t: number }
  | { ok: false; code: WebhookFailureCode; message: string }

/** `signed` is what the signature covers: the body's bytes, or the body form's payload string. */
type SignedParts = { clientId?: string; t?: string; sign?: string; signed: Uint8Array | string }

/**
 * Tuya's callback body form: {"client-id","timestamp","sign","payload"}. Only a string payload is accepted: it
 * is the exact text that was signed. An object payload would have to be re-serialised to check it, and no
 * serialisation is guaranteed to reproduce the signed bytes, so such a body counts as unsigned.
 */
function readBodyForm(rawBody: Uint8Array): SignedParts | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength).toString('utf8'))
  } catch {
    return undefined
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  const body = parsed as Record<string, unknown>
  if (!('sign' in body) || typeof body.payload !== 'string') return undefined
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined)
  return {
    clientId: str(body['client-id'] ?? body.client_id ?? body.clientId),
    t: str(body.timestamp ?? body.t),
    sign: str(body.sign),
    signed: body.payload,
  }
}

/** Epoch ms from a header value; 10-digit values are treated as seconds. */
function parseTimestamp(value: string): number | undefined {
  if (!/^\d{1,16}$/.test(value)) return undefined
  const n = Number(value)
  return value.length <= 10 ? n * 1000 : n
}

function equalHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8')
  const b = Buffer.from(given.toLowerCase(), 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Verifies a signed callback (header form first, then Tuya's body form). Never throws. */
export function verifyWebhookRequest(input: WebhookVerifyInput): WebhookVerifyResult {
  const { headers, secret, clientId } = input
  const rawBody = typeof input.rawBody === 'string' ? Buffer.from(input.rawBody, 'utf8') : input.rawBody
  const now = input.now ?? Date.now()
  const windowMs = input.windowMs ?? 5 * 60_000

  const headerSign = firstHeader(headers, ['sign'])
  const parts: SignedParts | undefined = headerSign
    ? {
        clientId: firstHeader(headers, ['client_id', 'client-id']),
        t: firstHeader(headers, ['t', 'timestamp']),
        sign: headerSign,
        signed: rawBody,
      }
    : readBodyForm(rawBody)

  if (!parts?.sign || !parts.t || !parts.clientId) {
    return { ok: false, code: 'missing_signature', message: 'sign, client id and timestamp are required' }
  }
  if (parts.clientId !== clientId) {
    return { ok: false, code: 'unknown_client', message: `unknown client id "${parts.clientId}"` }
  }
  const t = parseTimestamp(parts.t)
  if (t === undefined || Math.abs(now - t) > windowMs) {
    return { ok: false, code: 'stale_timestamp', message: `timestamp ${parts.t} is outside the ${windowMs} ms window` }
  }
  // Sign over the timestamp exactly as sent (string), not the normalised number.
  const expected = signWebhook({ secret, clientId, t: parts.t, body: parts.signed })
  if (!equalHex(expected, parts.sign)) {
    return { ok: false, code: 'bad_signature', message: 'signature does not match' }
  }
  const payloadRaw =
    typeof parts.signed === 'string'
      ? parts.signed
      : Buffer.from(parts.signed.buffer, parts.signed.byteOffset, parts.signed.byteLength).toString('utf8')
  return { ok: true, payloadRaw, clientId, t }
}
