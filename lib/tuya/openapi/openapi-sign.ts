// Tuya OpenAPI request signing, v2 ("new") algorithm and the legacy form.
// Source: docs/tuya-protocol.md §1.2 (formula), §1.4 (legacy), §1.5 (vectors).
import { createHash, createHmac } from 'node:crypto'

/** SHA-256 of the empty body; Tuya hashes the empty string too (§1.2). */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export const SIGN_METHOD = 'HMAC-SHA256'

/** Lower-case hex SHA-256 of the exact body bytes that go on the wire. */
export function contentSha256(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex')
}

/** Token APIs are signed without the access token (§1.2; openHAB keys on this prefix). */
export function isTokenApiPath(path: string): boolean {
  return path.startsWith('/v1.0/token') || path.startsWith('/v1.0/authorize_token')
}

/**
 * The "Url" part of stringToSign: path + query params sorted by key, values URL-decoded, not re-encoded
 * (§1.2). `+` decodes to a space as Java's URLDecoder does (§1.7 note). Empty values stay as `k=`.
 */
export function buildSignedUrl(pathWithQuery: string): string {
  const q = pathWithQuery.indexOf('?')
  if (q < 0) return pathWithQuery
  const path = pathWithQuery.slice(0, q)
  const pairs = [...new URLSearchParams(pathWithQuery.slice(q + 1))]
  if (pairs.length === 0) return path
  // Stable sort by key in UTF-16 code unit order (identical to byte order for ASCII keys).
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `${path}?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`
}

export type StringToSignInput = {
  method: string
  body: string | Uint8Array
  /** Names listed in the Signature-Headers header, in that order, with their values. */
  signatureHeaders?: Record<string, string>
  pathWithQuery: string
}

/**
 * METHOD \n Content-SHA256 \n (name:value \n)* \n Url.
 * Every header line ends with "\n", including the last one: Tuya's own vector only reproduces that way (§1.5
 * negative checks), so with headers there is an empty line before the Url.
 */
export function buildStringToSign({ method, body, signatureHeaders, pathWithQuery }: StringToSignInput): string {
  const headerPart = Object.entries(signatureHeaders ?? {})
    .map(([name, value]) => `${name}:${value}\n`)
    .join('')
  return `${method.toUpperCase()}\n${contentSha256(body)}\n${headerPart}\n${buildSignedUrl(pathWithQuery)}`
}

function hmacUpperHex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex').toUpperCase()
}

export type SignRequestInput = {
  clientId: string
  secret: string
  t: string | number
  nonce?: string
  /** Omit (or pass "") for token APIs: they sign client_id + t + nonce + stringToSign (§1.2). */
  accessToken?: string
  stringToSign: string
}

/** Upper-case hex HMAC-SHA256 over client_id + access_token + t + nonce + stringToSign. */
export function signRequest({ clientId, secret, t, nonce, accessToken, stringToSign }: SignRequestInput): string {
  return hmacUpperHex(secret, `${clientId}${accessToken ?? ''}${t}${nonce ?? ''}${stringToSign}`)
}

export type SignLegacyInput = { clientId: string; secret: string; t: string | number; accessToken?: string }

/** Legacy (pre-2021-06-30 projects): no body, URL or nonce coverage (§1.4). Kept for verification only. */
export function signLegacy({ clientId, secret, t, accessToken }: SignLegacyInput): string {
  return hmacUpperHex(secret, `${clientId}${accessToken ?? ''}${t}`)
}

export type BuildSignedHeadersInput = {
  clientId: string
  secret: string
  method: string
  pathWithQuery: string
  /** The exact bytes that will be sent ("" when there is no body). */
  body: string | Uint8Array
  t: number
  nonce?: string
  accessToken?: string
  /** Extra headers folded into the signature, in order; they are also returned as request headers. */
  signatureHeaders?: Record<string, string>
}

/** Headers for one signed request (§1.1). Header names are lower-case; HTTP treats them case-insensitively. */
export function buildSignedHeaders(input: BuildSignedHeadersInput): Record<string, string> {
  const stringToSign = buildStringToSign(input)
  const t = String(input.t)
  const sign = signRequest({ ...input, t, stringToSign })
  const headers: Record<string, string> = {
    client_id: input.clientId,
    sign,
    t,
    sign_method: SIGN_METHOD,
  }
  if (input.nonce) headers.nonce = input.nonce
  if (input.accessToken) headers.access_token = input.accessToken
  const extra = input.signatureHeaders ?? {}
  const names = Object.keys(extra)
  if (names.length > 0) {
    headers['signature-headers'] = names.join(':')
    for (const name of names) headers[name] = extra[name]
  }
  return headers
}
