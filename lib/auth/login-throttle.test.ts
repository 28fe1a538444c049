// Sign-in throttling on real databases: 5 failures per account or per client address inside 15 minutes,
// then every attempt is refused (even the right password) until the window ends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  clearSignInFailures,
  MAX_FAILURES,
  recordSignInFailure,
  signInBlockedFor,
  throttleKeys,
  WINDOW_MS,
} from '@/lib/auth/login-throttle'
import { signInWithPassword } from '@/lib/auth/sign-in'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { createUser } from '@/lib/users/mutations'

describe('throttleKeys', () => {
  it('keys by normalised email and by client address when known', () => {
    expect(throttleKeys('  Guard@Example.TEST ', '10.0.0.7')).toEqual(['email:guard@example.test', 'ip:10.0.0.7'])
    expect(throttleKeys('guard@example.test', null)).toEqual(['email:guard@example.test'])
  })
})

describe.each(TEST_PROVIDERS)('login throttle on %s', (provider) => {
  let testDb: TestDatabase
  const t0 = new Date('2026-11-25T10:00:00Z')
  const at = (ms: number) => new Date(t0.getTime() + ms)

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
  })
  beforeEach(async () => {
    await testDb.db.loginThrottle.deleteMany()
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  async function fail(keys: string[], times: number, when = t0) {
    for (let i = 0; i < times; i++) await recordSignInFailure(testDb.db, keys, when)
  }

  it(`allows ${MAX_FAILURES - 1} failures, blocks after ${MAX_FAILURES}`, async () => {
    const keys = throttleKeys('a@example.test', '10.0.0.1')
    await fail(keys, MAX_FAILURES - 1)
    expect(await signInBlockedFor(testDb.db, keys, at(1000))).toBe(0)
    await fail(keys, 1)
    expect(await signInBlockedFor(testDb.db, keys, at(1000))).toBe(WINDOW_MS - 1000)
  })

  it('lifts the block when the window ends, and a later failure starts a new window', async () => {
    const keys = throttleKeys('b@example.test', null)
    await fail(keys, MAX_FAILURES)
    expect(await signInBlockedFor(testDb.db, keys, at(WINDOW_MS - 1))).toBe(1)
    expect(await signInBlockedFor(testDb.db, keys, at(WINDOW_MS))).toBe(0)
    await fail(keys, 1, at(WINDOW_MS + 5))
    expect(await testDb.db.loginThrottle.findUnique({ where: { key: keys[0] } })).toMatchObject({
      failures: 1,
      windowStart: at(WINDOW_MS + 5),
    })
    expect(await signInBlockedFor(testDb.db, keys, at(WINDOW_MS + 10))).toBe(0)
  })

  it('blocks every account from one address after repeated failures (per-IP key)', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) await fail(throttleKeys(`user${i}@example.test`, '10.0.0.9'), 1)
    expect(await signInBlockedFor(testDb.db, throttleKeys('fresh@example.test', '10.0.0.9'), at(1))).toBeGreaterThan(0)
    expect(await signInBlockedFor(testDb.db, throttleKeys('fresh@example.test', '10.0.0.10'), at(1))).toBe(0)
  })

  it('clears the account counter after a successful sign-in, not the address counter', async () => {
    const keys = throttleKeys('c@example.test', '10.0.0.2')
    await fail(keys, 3)
    await clearSignInFailures(testDb.db, 'C@example.test')
    expect(await testDb.db.loginThrottle.findUnique({ where: { key: keys[0] } })).toBeNull()
    expect(await testDb.db.loginThrottle.findUnique({ where: { key: keys[1] } })).toMatchObject({ failures: 3 })
  })

  it('signInWithPassword: wrong password ×5, then even the right one is refused', async () => {
    const email = `throttled-${provider}@example.test`
    await createUser(testDb.db, { email, password: 'the-right-password', role: 'guard' })
    const attempt = (password: string, ip = '10.1.1.1') =>
      signInWithPassword(testDb.db, { email, password, ip, userAgent: 'vitest' })
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(await attempt('wrong-password')).toEqual({ ok: false, reason: 'invalid' })
    expect(await attempt('the-right-password')).toMatchObject({ ok: false, reason: 'throttled' })
    // The account is blocked from any address.
    expect(await attempt('the-right-password', '10.2.2.2')).toMatchObject({ ok: false, reason: 'throttled' })
    const actions = (await testDb.db.auditLog.findMany({ where: { actorLabel: email } })).map((r) => r.action).sort()
    expect(actions).toEqual(
      [...Array(MAX_FAILURES).fill('auth.sign_in_failed'), 'auth.sign_in_refused', 'auth.sign_in_refused'].sort(),
    )

    await testDb.db.loginThrottle.deleteMany()
    expect(await attempt('the-right-password')).toMatchObject({ ok: true, user: { email, role: 'guard' } })
  })

  it('signInWithPassword: a sign-in whose audit row cannot be written changes nothing; the next one succeeds', async () => {
    const email = `audited-${provider}@example.test`
    const user = await createUser(testDb.db, { email, password: 'the-right-password', role: 'guard' })
    const keys = throttleKeys(email, '10.3.3.3')
    await fail(keys, 2)
    const attempt = () =>
      signInWithPassword(testDb.db, { email, password: 'the-right-password', ip: '10.3.3.3', userAgent: 'vitest' })

    const restore = await failInsertsInto(testDb.db, provider, 'AuditLog')
    // (Prisma words the trigger's abort differently per provider; any error will do.)
    await expect(attempt().finally(restore)).rejects.toThrow()
    expect(await testDb.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ lastLoginAt: null })
    expect(await testDb.db.loginThrottle.findUnique({ where: { key: keys[0] } })).toMatchObject({ failures: 2 })

    expect(await attempt()).toMatchObject({ ok: true, user: { id: user.id } })
    expect((await testDb.db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull()
    expect(await testDb.db.loginThrottle.findUnique({ where: { key: keys[0] } })).toBeNull()
    expect(await testDb.db.auditLog.count({ where: { actorId: user.id, action: 'auth.sign_in' } })).toBe(1)
  })
})
