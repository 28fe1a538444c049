// Test helper: one signed OpenAPI call built with the project's signing code, with knobs to break it on purpose.
import { request } from 'node:http'
import { buildSignedHeaders } from '@/lib/tuya/openapi/openapi-sign'

export type SignedRequestOptions = {
  baseUrl: string
  clientId: string
  secret: string
  method?: string
  /** Path with query, as sent on the wire (percent-encoded). */
  path: string
  body?: string
  accessToken?: string
  t?: number
  nonce?: string
  signatureHeaders?: Record<string, string>
  /** Send header names upper-cased, to prove the server looks them up case-insensitively. */
  upperCaseHeaders?: boolean
  /** Headers to drop after signing. */
  omit?: string[]
  /** Replace the computed signature. */
  sign?: string
  /** Sign a different body than the one sent. */
  signedBody?: string
}

export type TuyaEnvelope = { success: boolean; result?: unknown; code?: number; msg?: string; t: number; tid: string }

export async function signedRequest(options: SignedRequestOptions): Promise<{ status: number; body: TuyaEnvelope }> {
  const method = options.method ?? 'GET'
  const body = options.body ?? ''
  const headers = buildSignedHeaders({
    clientId: options.clientId,
    secret: options.secret,
    method,
    pathWithQuery: decodeURI(options.path),
    body: options.signedBody ?? body,
    t: options.t ?? Date.now(),
    nonce: options.nonce,
    accessToken: options.accessToken,
    signatureHeaders: options.signatureHeaders,
  })
  if (options.sign) headers.sign = options.sign
  for (const name of options.omit ?? []) delete headers[name]
  if (body) {
    headers['content-type'] = 'application/json'
    headers['content-length'] = String(Buffer.byteLength(body))
  }
  const sent = options.upperCaseHeaders
    ? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]))
    : headers
  // node:http rather than fetch: fetch refuses a body on GET, and the official Node SDK sends one
  // (docs/tuya-protocol.md §1.3).
  return new Promise((resolve, reject) => {
    const req = request(`${options.baseUrl}${options.path}`, { method, headers: sent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as TuyaEnvelope,
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body === '' ? undefined : body)
  })
}

/** A fresh access token from the simulator. */
export async function fetchAccessToken(
  baseUrl: string,
  clientId: string,
  secret: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const { body } = await signedRequest({ baseUrl, clientId, secret, path: '/v1.0/token?grant_type=1' })
  if (!body.success) throw new Error(`token failed: ${body.code} ${body.msg}`)
  const result = body.result as { access_token: string; refresh_token: string }
  return { accessToken: result.access_token, refreshToken: result.refresh_token }
}
