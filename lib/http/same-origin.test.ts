// Cross-site request forgery: a browser sends the guard's session cookie with any request to the console, even
// one a hostile page started. Writes with a cookie must come from the console's own origin with a body type no
// plain HTML form can send; bearer-token integrations and the signed webhook are not affected.
import { describe, expect, it } from 'vitest'
import { refuseCrossSiteWrite } from '@/lib/http/same-origin'

const PUBLIC_URL = 'https://console.example.test'
const COOKIE = 'next-auth.session-token=abc'

function check(
  method: string,
  path: string,
  headers: Record<string, string>,
  options: { url?: string; publicUrl?: string } = {},
) {
  const url = `${options.url ?? 'http://console.example.test'}${path}`
  const refusal = refuseCrossSiteWrite(
    { method, url, headers: new Headers({ host: new URL(url).host, ...headers }) },
    options.publicUrl ?? PUBLIC_URL,
  )
  return refusal ? { status: refusal.status, code: refusal.code } : 'allowed'
}

const sameOrigin = { cookie: COOKIE, origin: PUBLIC_URL, 'content-type': 'application/json', 'content-length': '2' }

describe('cookie-authenticated writes', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s from the console’s own origin with JSON is allowed', (method) => {
    expect(check(method, '/api/devices/d1/unlock', sameOrigin)).toBe('allowed')
  })

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['a look-alike origin', { origin: 'https://console.example.test.evil.example' }],
    ['another port', { origin: 'https://console.example.test:8443' }],
    ['a plain-http page on the https console’s host', { origin: 'http://console.example.test' }],
    ['an opaque origin (sandboxed page, data: URL)', { origin: 'null' }],
  ])('from %s is refused with 403', (_what, headers) => {
    expect(check('POST', '/api/devices/d1/unlock', { ...sameOrigin, ...headers })).toEqual({
      status: 403,
      code: 'cross_origin',
    })
  })

  it('without an Origin header is refused with 403', () => {
    const { origin: _origin, ...headers } = sameOrigin
    expect(check('DELETE', '/api/tokens/t1', headers)).toEqual({ status: 403, code: 'cross_origin' })
  })

  it.each(['application/x-www-form-urlencoded', 'text/plain', 'text/plain; charset=utf-8', 'application/xml'])(
    'with a %s body is refused with 415',
    (type) => {
      expect(check('POST', '/api/users', { ...sameOrigin, 'content-type': type })).toEqual({
        status: 415,
        code: 'unsupported_media_type',
      })
    },
  )

  it('accepts JSON with a charset, multipart, and a request with no body at all', () => {
    expect(check('POST', '/api/users', { ...sameOrigin, 'content-type': 'application/json; charset=utf-8' })).toBe(
      'allowed',
    )
    expect(check('POST', '/api/users', { ...sameOrigin, 'content-type': 'multipart/form-data; boundary=x' })).toBe(
      'allowed',
    )
    const { 'content-type': _type, ...bodyless } = sameOrigin
    expect(check('POST', '/api/calls/c1/answer', { ...bodyless, 'content-length': '0' })).toBe('allowed')
    expect(check('POST', '/api/calls/c1/answer', { ...bodyless, 'content-length': '12' })).toEqual({
      status: 415,
      code: 'unsupported_media_type',
    })
  })

  it('takes the request’s own origin too (demo on localhost, NEXTAUTH_URL unset or different)', () => {
    const local = { url: 'http://127.0.0.1:3000', publicUrl: 'http://localhost:3000' }
    expect(check('POST', '/api/users', { ...sameOrigin, origin: 'http://127.0.0.1:3000' }, local)).toBe('allowed')
    expect(check('POST', '/api/users', { ...sameOrigin, origin: 'http://localhost:3000' }, local)).toBe('allowed')
    expect(check('POST', '/api/users', { ...sameOrigin, origin: 'http://127.0.0.1:4100' }, local)).toEqual({
      status: 403,
      code: 'cross_origin',
    })
  })
})

describe('what the guard does not touch', () => {
  it('reads (GET, HEAD, OPTIONS) whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(check(method, '/api/users', { cookie: COOKIE, origin: 'https://evil.example' })).toBe('allowed')
  })

  it('bearer-token calls: no ambient credential, no Origin needed, any body type', () => {
    expect(
      check('POST', '/api/devices/d1/unlock', { authorization: 'Bearer tbc_x', 'content-type': 'text/plain' }),
    ).toBe('allowed')
  })

  it('the signed Tuya webhook', () => {
    expect(check('POST', '/api/webhooks/tuya', { 'content-type': 'text/plain', cookie: 'lb=1' })).toBe('allowed')
  })

  it('cookie-less writes (they get 401 from the route, not 403 here)', () => {
    expect(check('POST', '/api/users', { 'content-type': 'text/plain' })).toBe('allowed')
  })

  it('next-auth’s own urlencoded sign-in and sign-out, but only from the console’s origin', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '40' }
    expect(check('POST', '/api/auth/callback/credentials', { ...form, origin: PUBLIC_URL })).toBe('allowed')
    expect(check('POST', '/api/auth/signout', { ...form, cookie: COOKIE, origin: PUBLIC_URL })).toBe('allowed')
    expect(check('POST', '/api/auth/callback/credentials', { ...form, origin: 'https://evil.example' })).toEqual({
      status: 403,
      code: 'cross_origin',
    })
  })
})
