// HTTP callback signature: hex HMAC-SHA256(key = secret, msg = clientId + t + rawPayload).
// Sources: docs/tuya-protocol.md §4.3 (vendor claim: header form) and §4.2 (Tuya's voice-skill
// callback: `client-id`, `timestamp`, `sign`, `payload` as JSON body fields; payload signed as the raw string).
import { createHmac, timingSafeEqual } from 'node:crypto'

export type WebhookSignInput = { secret: string; clientId: string; t: string | number; body: string }

/** Lower-case hex HMAC-SHA256 over clientId + t + body. */
export function signWebhook({ secret, clientId, t, body }: WebhookSignInput): string {
  return createHmac('sha256', secret).update(`${clientId}${t}${body}`, 'utf8').digest('hex')
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
  rawBody: string
  secret: string
  clientId: string
  now?: number
  windowMs?: number
}

export type WebhookFailureCode = 'missing_signature' | 'bad_signature' | 'unknown_client' | 'stale_timestamp'

export type WebhookVerifyResult =
  | { ok: true; payloadRaw: string; clientId: string; t: number }
  | { ok: false; code: WebhookFailureCode; message: string }

type SignedParts = { clientId?: string; t?: string; sign?: string; payloadRaw: string }

/** Sorted-key JSON, the form Tuya says it signs when it produces `payload` (§4.2). Fallback only. */
function stringifySorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringifySorted).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    const keys = Object.keys(obj).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stringifySorted(obj[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Tuya's callback body form: {"client-id","timestamp","sign","payload"}; payload is the raw string signed. */
function readBodyForm(rawBody: string): SignedParts | undefined {
  if (!rawBody.trimStart().startsWith('{')) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(rawBody)
  } catch {
    return undefined
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  const body = parsed as Record<string, unknown>
  if (!('sign' in body) || !('payload' in body)) return undefined
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined)
  const payload = body.payload
  return {
    clientId: str(body['client-id'] ?? body.client_id ?? body.clientId),
    t: str(body.timestamp ?? body.t),
    sign: str(body.sign),
    // A string payload is used byte for byte. An object payload cannot be reproduced exactly, so fall back to
    // Tuya's documented sorted-key serialisation [UNVERIFIED].
    payloadRaw: typeof payload === 'string' ? payload : stringifySorted(payload),
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
  const { headers, rawBody, secret, clientId } = input
  const now = input.now ?? Date.now()
  const windowMs = input.windowMs ?? 5 * 60_000

  const headerSign = firstHeader(headers, ['sign'])
  const parts: SignedParts | undefined = headerSign
    ? {
        clientId: firstHeader(headers, ['client_id', 'client-id']),
        t: firstHeader(headers, ['t', 'timestamp']),
        sign: headerSign,
        payloadRaw: rawBody,
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
  const expected = signWebhook({ secret, clientId, t: parts.t, body: parts.payloadRaw })
  if (!equalHex(expected, parts.sign)) {
    return { ok: false, code: 'bad_signature', message: 'signature does not match' }
  }
  return { ok: true, payloadRaw: parts.payloadRaw, clientId, t }
}
