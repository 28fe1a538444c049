import { describe, expect, it } from 'vitest'
import { buildSignedHeaders, signLegacy } from '@/lib/tuya/openapi/openapi-sign'
import { verifyOpenApiRequest } from '@/lib/tuya/openapi/openapi-verify'

const clientId = '1KAD46OrT9HafiKdsXeg'
const secret = '4OHBOnWOqaEC1mWXOpVL3yV50s0qGSRC'
const t = 1_795_640_846_101

function signed(
  overrides: {
    body?: string
    pathWithQuery?: string
    accessToken?: string
    signatureHeaders?: Record<string, string>
  } = {},
) {
  const pathWithQuery = overrides.pathWithQuery ?? '/v1.0/devices/d1?b=2&a=x%20y'
  const body = overrides.body ?? ''
  const headers = buildSignedHeaders({
    clientId,
    secret,
    method: 'GET',
    pathWithQuery,
    body,
    t,
    accessToken: overrides.accessToken ?? 'tok',
    signatureHeaders: overrides.signatureHeaders,
  })
  return { method: 'GET', pathWithQuery, rawBody: body, headers, clientId, secret, now: t }
}

describe('verifyOpenApiRequest (docs/tuya-protocol.md §1.7)', () => {
  it('accepts what we sign, with upper-case header names and Signature-Headers', () => {
    const req = signed({ signatureHeaders: { area_id: '29a33e8796834b1efa6' } })
    const upper = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toUpperCase(), v]))
    expect(verifyOpenApiRequest({ ...req, headers: upper })).toEqual({
      ok: true,
      isTokenApi: false,
      accessToken: 'tok',
    })
  })
  it('hashes the bytes received, so a GET carrying "{}" must be signed as such (§1.3)', () => {
    const req = signed({ body: '{}' })
    expect(verifyOpenApiRequest(req).ok).toBe(true)
    expect(verifyOpenApiRequest({ ...req, rawBody: '' })).toMatchObject({ ok: false, code: 1004 })
  })
  it('maps each failure to its Tuya code', () => {
    const req = signed()
    expect(verifyOpenApiRequest({ ...req, headers: { ...req.headers, sign: '' } })).toMatchObject({ code: 1105 })
    expect(verifyOpenApiRequest({ ...req, clientId: 'other' })).toMatchObject({ code: 1005 })
    expect(verifyOpenApiRequest({ ...req, now: t + 5 * 60_000 + 1 })).toMatchObject({ code: 1013 })
    expect(verifyOpenApiRequest({ ...req, headers: { ...req.headers, access_token: '' } })).toMatchObject({
      code: 1002,
    })
    expect(verifyOpenApiRequest({ ...req, pathWithQuery: '/v1.0/devices/d1?a=x%20y&b=3' })).toMatchObject({
      code: 1004,
    })
  })
  it('accepts the legacy form only when allowed', () => {
    const req = signed()
    const legacy = { ...req.headers, sign: signLegacy({ clientId, secret, t, accessToken: 'tok' }) }
    expect(verifyOpenApiRequest({ ...req, headers: legacy })).toMatchObject({ ok: false, code: 1004 })
    expect(verifyOpenApiRequest({ ...req, headers: legacy, allowLegacy: true })).toMatchObject({ ok: true })
  })
})
