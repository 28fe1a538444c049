// After sign-in the console only ever goes to one of its own paths, whatever `callbackUrl` a link carried.
import { describe, expect, it } from 'vitest'
import { buildAuthOptions } from '@/lib/auth/auth-options'
import { safeCallbackPath, safeRedirectUrl } from '@/lib/auth/safe-callback'
import type { Db } from '@/lib/db/client'

const HOSTILE = [
  '//evil.example',
  '//evil.example/console',
  '/\\evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  'https://evil.example/console',
  'javascript:alert(1)',
  'evil.example',
  '',
]

describe('safeCallbackPath', () => {
  it.each(HOSTILE)('refuses %j', (value) => {
    expect(safeCallbackPath(value)).toBeUndefined()
  })

  it.each([
    ['/', '/'],
    ['/console', '/console'],
    ['/access?result=denied#top', '/access?result=denied#top'],
    ['/a/../users', '/users'],
  ])('keeps the same-origin path %j', (value, path) => {
    expect(safeCallbackPath(value)).toBe(path)
  })

  it('refuses what is not a string', () => {
    expect(safeCallbackPath(undefined)).toBeUndefined()
    expect(safeCallbackPath(['/console'])).toBeUndefined()
  })
})

describe('the sign-in redirect callback', () => {
  const base = 'https://console.example.test'
  const redirect = (url: string) => {
    process.env.NEXTAUTH_SECRET ??= 'redirect-callback-test-secret-0123456789abcdef'
    // The redirect callback never touches the database; the options only need a client to be built.
    const callback = buildAuthOptions(null as unknown as Db).callbacks?.redirect
    if (!callback) throw new Error('auth options define no redirect callback')
    return callback({ url, baseUrl: base })
  }

  it.each([...HOSTILE, 'https://console.example.test.evil.example/x', 'http://console.example.test:444/x'])(
    'sends %j home instead',
    async (url) => {
      expect(await redirect(url)).toBe(`${base}/`)
    },
  )

  it('keeps paths and absolute URLs on the console’s own origin', async () => {
    expect(await redirect('/alarms?state=open')).toBe(`${base}/alarms?state=open`)
    expect(await redirect(`${base}/console`)).toBe(`${base}/console`)
    expect(safeRedirectUrl(`${base}//evil.example`, base)).toBe(`${base}/`)
  })
})
