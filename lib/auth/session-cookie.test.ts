// The session cookie a real sign-in sets (next-auth driven with the app's own options, on a real database): Secure
// and __Secure- prefixed whenever the public URL is https, so it never travels over plain HTTP.
import NextAuth from 'next-auth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAuthOptions } from '@/lib/auth/auth-options'
import { disconnectDb, type Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { createUser } from '@/lib/users/mutations'

type Captured = { status: number; headers: Map<string, string | string[]>; body: unknown }

/** next-auth's pages-style entry point with a response object that records what it was told. */
async function callAuth(
  db: Db,
  input: {
    action: string[]
    method: 'GET' | 'POST'
    cookies?: Record<string, string>
    body?: Record<string, string>
  },
): Promise<Captured> {
  const captured: Captured = { status: 200, headers: new Map(), body: undefined }
  const res = {
    status(code: number) {
      captured.status = code
      return res
    },
    getHeader: (name: string) => captured.headers.get(name),
    setHeader(name: string, value: string | string[]) {
      captured.headers.set(name, value)
      return res
    },
    send: (body: unknown) => void (captured.body = body),
    json: (body: unknown) => void (captured.body = body),
    end: () => undefined,
  }
  const req = {
    query: { nextauth: input.action },
    method: input.method,
    cookies: input.cookies ?? {},
    headers: { host: 'console.example.test', 'x-console-client-ip': '192.0.2.10' },
    body: input.body,
  }
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(
    req,
    res,
    buildAuthOptions(db),
  )
  return captured
}

const setCookies = (captured: Captured) => [captured.headers.get('Set-Cookie') ?? []].flat()
const cookiePair = (header: string) => header.split(';')[0].split('=') as [string, string]

describe.each(TEST_PROVIDERS)('session cookie on %s', (provider) => {
  let testDb: TestDatabase
  const email = `cookie-${provider}@example.test`
  const password = 'a-long-enough-password'

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await createUser(testDb.db, { email, password, role: 'guard' })
    delete (globalThis as { __appEnv?: unknown }).__appEnv
    process.env.DATABASE_URL = testDb.url
    process.env.NEXTAUTH_SECRET = 'session-cookie-test-secret-0123456789abcdef'
  })
  afterAll(async () => {
    delete process.env.NEXTAUTH_URL
    await disconnectDb()
    await testDb?.drop()
  })

  async function signIn(publicUrl: string): Promise<string[]> {
    process.env.NEXTAUTH_URL = publicUrl
    const csrf = await callAuth(testDb.db, { action: ['csrf'], method: 'GET' })
    const [csrfName, csrfValue] = cookiePair(setCookies(csrf)[0])
    const callback = await callAuth(testDb.db, {
      action: ['callback', 'credentials'],
      method: 'POST',
      cookies: { [csrfName]: decodeURIComponent(csrfValue) },
      body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email, password, json: 'true' },
    })
    expect(callback.body).toEqual({ url: expect.stringMatching(/^https?:\/\/console\.example\.test/) })
    return setCookies(callback)
  }

  it('is Secure and __Secure- prefixed when the public URL is https', async () => {
    const session = (await signIn('https://console.example.test')).find((c) => c.includes('session-token='))
    expect(session).toMatch(/^__Secure-next-auth\.session-token=/)
    expect(session).toMatch(/;\s*Secure/i)
    expect(session).toMatch(/;\s*HttpOnly/i)
    expect(session).toMatch(/;\s*SameSite=Lax/i)
  })

  it('is a plain cookie on an http public URL (demo on localhost), still HttpOnly', async () => {
    const session = (await signIn('http://console.example.test')).find((c) => c.includes('session-token='))
    expect(session).toMatch(/^next-auth\.session-token=/)
    expect(session).not.toMatch(/;\s*Secure/i)
    expect(session).toMatch(/;\s*HttpOnly/i)
  })
})
