// Password guessing against real databases, through the sign-in itself: parallel attempts get no extra guesses,
// the wait doubles per failure of one account from one address, and nobody can lock an operator out from
// somewhere else (which a per-account lockout would let anyone do to a known operator's email).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FREE_ATTEMPTS_PER_ACCOUNT, throttleKeys } from '@/lib/auth/login-throttle'
import { signInWithPassword } from '@/lib/auth/sign-in'
import type { Db } from '@/lib/db/client'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { createUser } from '@/lib/users/mutations'

const RIGHT = 'the-right-password'

describe.each(TEST_PROVIDERS)('sign-in throttle on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let n = 0
  let email: string
  // Fresh addresses per test: the per-address counter must not carry over from one test to the next.
  let OPERATOR_ADDRESS: string
  let ATTACKER_ADDRESS: string

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
  })
  beforeEach(async () => {
    email = `operator-${++n}-${provider}@example.test`
    OPERATOR_ADDRESS = `192.0.2.${n}`
    ATTACKER_ADDRESS = `203.0.113.${n}`
    await createUser(db, { email, password: RIGHT, role: 'guard' })
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const attempt = (password: string, ip: string, now?: Date) =>
    signInWithPassword(db, { email, password, ip, userAgent: 'vitest', now })
  const auditCount = (action: string) => db.auditLog.count({ where: { actorLabel: email, action } })

  it('20 parallel wrong attempts: the allowed guesses are evaluated, each counted once, and the rest refused', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(`wrong-password-${i}`, ATTACKER_ADDRESS)),
    )
    const invalid = results.filter((r) => !r.ok && r.reason === 'invalid').length
    const throttled = results.filter((r) => !r.ok && r.reason === 'throttled').length
    expect(invalid).toBe(FREE_ATTEMPTS_PER_ACCOUNT)
    expect(throttled).toBe(20 - FREE_ATTEMPTS_PER_ACCOUNT)
    // One audit row per evaluated guess: the password was checked exactly that many times.
    expect(await auditCount('auth.sign_in_failed')).toBe(FREE_ATTEMPTS_PER_ACCOUNT)
    const counters = await db.loginThrottle.findMany({ where: { key: { contains: ATTACKER_ADDRESS } } })
    expect(counters.map((c) => c.failures)).toEqual(counters.map(() => FREE_ATTEMPTS_PER_ACCOUNT))
    expect(counters.length).toBeGreaterThan(0)
  })

  it('an attacker failing from another address does not lock the operator out', async () => {
    for (let i = 0; i < 3 * FREE_ATTEMPTS_PER_ACCOUNT; i++) await attempt(`guess-${i}`, ATTACKER_ADDRESS)
    expect(await attempt(RIGHT, ATTACKER_ADDRESS)).toMatchObject({ ok: false, reason: 'throttled' })
    expect(await attempt(RIGHT, OPERATOR_ADDRESS)).toMatchObject({ ok: true, user: { email } })
  })

  it('backs off progressively for one account from one address, then lets the right password in', async () => {
    const t0 = new Date('2026-11-25T10:00:00Z').getTime()
    let now = t0
    for (let i = 0; i < FREE_ATTEMPTS_PER_ACCOUNT; i++) {
      expect(await attempt(`typo-${i}`, OPERATOR_ADDRESS, new Date(now))).toEqual({ ok: false, reason: 'invalid' })
    }
    const waits: number[] = []
    for (let i = 0; i < 4; i++) {
      const refused = await attempt(RIGHT, OPERATOR_ADDRESS, new Date(now))
      expect(refused).toMatchObject({ ok: false, reason: 'throttled' })
      const wait = (refused as { retryAfterMs: number }).retryAfterMs
      waits.push(wait)
      now += wait
      expect(await attempt(`typo-again-${i}`, OPERATOR_ADDRESS, new Date(now))).toEqual({
        ok: false,
        reason: 'invalid',
      })
    }
    // Each failure doubles the wait: a delay, not a lockout.
    expect(waits[0]).toBeGreaterThan(0)
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBe(waits[i - 1] * 2)
    const last = (await attempt(RIGHT, OPERATOR_ADDRESS, new Date(now))) as { retryAfterMs: number }
    now += last.retryAfterMs
    expect(await attempt(RIGHT, OPERATOR_ADDRESS, new Date(now))).toMatchObject({ ok: true, user: { email } })
    // The success clears this account's backoff from this address.
    expect(await attempt('one-more-typo', OPERATOR_ADDRESS, new Date(now + 1))).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it('records one refusal per wait in the audit trail, not one per hammered request', async () => {
    for (let i = 0; i < FREE_ATTEMPTS_PER_ACCOUNT; i++) await attempt(`guess-${i}`, ATTACKER_ADDRESS)
    for (let i = 0; i < 10; i++) await attempt(`hammer-${i}`, ATTACKER_ADDRESS)
    expect(await auditCount('auth.sign_in_failed')).toBe(FREE_ATTEMPTS_PER_ACCOUNT)
    expect(await auditCount('auth.sign_in_refused')).toBe(1)
  })

  it('a sign-in whose audit row cannot be written changes nothing but its claim; the next one succeeds', async () => {
    const { pair } = throttleKeys(email, OPERATOR_ADDRESS)
    for (let i = 0; i < 2; i++) await attempt(`typo-${i}`, OPERATOR_ADDRESS)
    const restore = await failInsertsInto(db, provider, 'AuditLog')
    // (Prisma words the trigger's abort differently per provider; any error will do.)
    await expect(attempt(RIGHT, OPERATOR_ADDRESS).finally(restore)).rejects.toThrow()
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ lastLoginAt: null })
    // The attempt was counted before the password was looked at, and that claim stands.
    expect(await db.loginThrottle.findUnique({ where: { key: pair.key } })).toMatchObject({ failures: 3 })

    expect(await attempt(RIGHT, OPERATOR_ADDRESS)).toMatchObject({ ok: true, user: { email } })
    expect((await db.user.findUniqueOrThrow({ where: { email } })).lastLoginAt).not.toBeNull()
    expect(await db.loginThrottle.findUnique({ where: { key: pair.key } })).toBeNull()
    expect(await auditCount('auth.sign_in')).toBe(1)
  })
})
