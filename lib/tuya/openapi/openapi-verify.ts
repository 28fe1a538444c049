// Server-side check of a signed OpenAPI request, as Tuya does it (docs/tuya-protocol.md §1.7).
// Used by our tests' fake server and available to the simulator.
import { timingSafeEqual } from 'node:crypto'
import { buildStringToSign, isTokenApiPath, signLegacy, signRequest } from '@/lib/tuya/openapi/openapi-sign'
import { type HeaderSource, readHeader } from '@/lib/tuya/webhook/webhook-signature'

export type VerifyOpenApiInput = {
  method: string
  /** Path and raw (still percent-encoded) query exactly as received. */
  pathWithQuery: string
  /** The bytes received, whatever the method: the Node SDK sends "{}" on GET (§1.3). */
  rawBody: string | Uint8Array
  headers: HeaderSource
  clientId: string
  secret: string
  now?: number
  windowMs?: number
  allowLegacy?: boolean
}

export type VerifyOpenApiResult =
  | { ok: true; isTokenApi: boolean; accessToken: string }
  | { ok: false; code: 1002 | 1004 | 1005 | 1013 | 1105; msg: string }

function equalUpperHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toUpperCase())
  const y = Buffer.from(b.toUpperCase())
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Checks headers, time window and signature. Token validity (1010/1011) is the caller's business. */
export function verifyOpenApiRequest(input: VerifyOpenApiInput): VerifyOpenApiResult {
  const h = (name: string) => readHeader(input.headers, name)
  const clientId = h('client_id')
  const sign = h('sign')
  const t = h('t')
  if (!clientId || !sign || !t) return { ok: false, code: 1105, msg: 'missing the header' }
  if (clientId !== input.clientId) return { ok: false, code: 1005, msg: 'clientId invalid' }
  const now = input.now ?? Date.now()
  if (!/^\d+$/.test(t) || Math.abs(now - Number(t)) > (input.windowMs ?? 5 * 60_000)) {
    return { ok: false, code: 1013, msg: 'request time is invalid' }
  }
  const path = input.pathWithQuery.split('?')[0]
  const isTokenApi = isTokenApiPath(path)
  const accessToken = isTokenApi ? '' : (h('access_token') ?? '')
  if (!isTokenApi && !accessToken) return { ok: false, code: 1002, msg: 'access_token is null' }

  const names = (h('signature-headers') ?? '')
    .split(':')
    .map((s) => s.trim())
    .filter(Boolean)
  const signatureHeaders: Record<string, string> = {}
  for (const name of names) signatureHeaders[name] = h(name) ?? ''
  const stringToSign = buildStringToSign({
    method: input.method,
    body: input.rawBody,
    signatureHeaders,
    pathWithQuery: input.pathWithQuery,
  })
  const expected = signRequest({ clientId, secret: input.secret, t, nonce: h('nonce'), accessToken, stringToSign })
  if (equalUpperHex(expected, sign)) return { ok: true, isTokenApi, accessToken }
  if (input.allowLegacy && equalUpperHex(signLegacy({ clientId, secret: input.secret, t, accessToken }), sign)) {
    return { ok: true, isTokenApi, accessToken }
  }
  return { ok: false, code: 1004, msg: 'sign invalid' }
}
