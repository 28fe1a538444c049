// proxy.ts, the one place every Next request passes: page answers get a fresh nonce'd CSP (handed to Next and
// the layout on the request), API answers a CSP that allows nothing, all of them the base headers, HSTS only
// over https, and cross-site cookie writes stop here with the error body routes use.
import { NextRequest } from 'next/server'
import { afterEach, describe, expect, it } from 'vitest'
import { proxy } from '@/proxy'

const BASE = 'http://127.0.0.1:3000'

afterEach(() => {
  delete process.env.NEXTAUTH_URL
})

describe('proxy', () => {
  it('gives each page a fresh nonce, in its CSP and on the request for Next and the layout', () => {
    const first = proxy(new NextRequest(`${BASE}/console`))
    const second = proxy(new NextRequest(`${BASE}/console`))
    const csp = first.headers.get('content-security-policy')!
    const nonce = first.headers.get('x-middleware-request-x-nonce')!
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(nonce).not.toBe(second.headers.get('x-middleware-request-x-nonce'))
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`)
    expect(csp).not.toContain('unsafe-inline;')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    // WebAssembly may be compiled (the face check), JavaScript from strings may not.
    expect(csp).toMatch(/script-src [^;]*'wasm-unsafe-eval'/)
    expect(csp).not.toMatch(/script-src [^;]*[^-]'unsafe-eval'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp)
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')
    expect(first.headers.get('referrer-policy')).toBe('same-origin')
    expect(first.headers.get('strict-transport-security')).toBeNull()
  })

  it('answers API requests with a CSP that allows nothing, and no nonce', () => {
    const response = proxy(new NextRequest(`${BASE}/api/access-events`))
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox")
    expect(response.headers.get('x-middleware-request-x-nonce')).toBeNull()
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin')
  })

  it('sends HSTS (and upgrades insecure requests) only when the public URL is https', () => {
    process.env.NEXTAUTH_URL = 'https://console.example.test'
    const page = proxy(new NextRequest('https://console.example.test/console'))
    expect(page.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/)
    expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
    const api = proxy(new NextRequest('https://console.example.test/api/me'))
    expect(api.headers.get('strict-transport-security')).toMatch(/^max-age=/)
  })

  it('stops a cross-site cookie write with 403 and a form-encoded one with 415, in the API error shape', async () => {
    const cookie = 'next-auth.session-token=x'
    const crossSite = proxy(
      new NextRequest(`${BASE}/api/devices/d1/unlock`, {
        method: 'POST',
        headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
        body: '{}',
      }),
    )
    expect(crossSite.status).toBe(403)
    expect(await crossSite.json()).toMatchObject({ error: { code: 'cross_origin' } })
    expect(crossSite.headers.get('x-content-type-options')).toBe('nosniff')

    const form = proxy(
      new NextRequest(`${BASE}/api/devices/d1/unlock`, {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', cookie, origin: BASE, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      }),
    )
    expect(form.status).toBe(415)
    expect(await form.json()).toMatchObject({ error: { code: 'unsupported_media_type' } })
  })
})
