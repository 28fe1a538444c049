// The throttle counters on real databases: free attempts, then a wait that doubles per failure up to a cap;
// counters per account+address and per address; forgotten after a quiet day; and the sign-in tables pruned so
// an attacker cannot grow them without bound.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  claimAttempt,
  delayAfter,
  FIRST_DELAY_MS,
  FORGET_AFTER_MS,
  FREE_ATTEMPTS_PER_ACCOUNT,
  FREE_ATTEMPTS_PER_ADDRESS,
  MAX_DELAY_MS,
  throttleKeys,
} from '@/lib/auth/login-throttle'
import { AUTH_NOISE_RETENTION_DAYS, pruneSignInRecords } from '@/lib/auth/prune-sign-in-records'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'

describe('throttleKeys and delayAfter', () => {
  it('keys one account from one address, and the address alone', () => {
    expect(throttleKeys('  Guard@Example.TEST ', '10.0.0.7')).toEqual({
      pair: { key: 'pair:guard@example.test|10.0.0.7', free: FREE_ATTEMPTS_PER_ACCOUNT },
      address: { key: 'ip:10.0.0.7', free: FREE_ATTEMPTS_PER_ADDRESS },
    })
    expect(throttleKeys('guard@example.test', null).pair.key).toBe('pair:guard@example.test|unknown')
  })

  it('waits nothing while free, then doubles from the first delay, capped at fifteen minutes', () => {
    const free = FREE_ATTEMPTS_PER_ACCOUNT
    expect(delayAfter(free - 1, free)).toBe(0)
    expect([0, 1, 2, 3].map((extra) => delayAfter(free + extra, free))).toEqual(
      [1, 2, 4, 8].map((n) => n * FIRST_DELAY_MS),
    )
    expect(delayAfter(free + 40, free)).toBe(MAX_DELAY_MS)
    expect(MAX_DELAY_MS).toBe(15 * 60_000)
  })
})

describe.each(TEST_PROVIDERS)('throttle counters on %s', (provider) => {
  let testDb: TestDatabase
  const t0 = new Date('2026-11-25T10:00:00Z')
  const at = (ms: number) => new Date(t0.getTime() + ms)

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
  })
  beforeEach(async () => {
    await testDb.db.loginThrottle.deleteMany()
    await testDb.db.auditLog.deleteMany()
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  it('lets the free attempts through, then makes the next one wait the first delay', async () => {
    const { pair } = throttleKeys('a@example.test', '10.0.0.1')
    for (let i = 0; i < FREE_ATTEMPTS_PER_ACCOUNT; i++)
      expect(await claimAttempt(testDb.db, pair, t0)).toEqual({ ok: true })
    expect(await claimAttempt(testDb.db, pair, at(10))).toMatchObject({ ok: false, retryAfterMs: FIRST_DELAY_MS - 10 })
    expect(await claimAttempt(testDb.db, pair, at(FIRST_DELAY_MS))).toEqual({ ok: true })
    expect(await claimAttempt(testDb.db, pair, at(FIRST_DELAY_MS + 1))).toMatchObject({
      ok: false,
      retryAfterMs: 2 * FIRST_DELAY_MS - 1,
    })
  })

  it('forgets a counter a day after its last attempt', async () => {
    const { pair } = throttleKeys('b@example.test', '10.0.0.2')
    for (let i = 0; i < FREE_ATTEMPTS_PER_ACCOUNT + 3; i++) await claimAttempt(testDb.db, pair, at(i * MAX_DELAY_MS))
    const later = at(8 * MAX_DELAY_MS + FORGET_AFTER_MS)
    expect(await claimAttempt(testDb.db, pair, later)).toEqual({ ok: true })
    expect(await testDb.db.loginThrottle.findUnique({ where: { key: pair.key } })).toMatchObject({ failures: 1 })
  })

  it('slows one address trying many accounts (spraying), not the other addresses', async () => {
    for (let i = 0; i < FREE_ATTEMPTS_PER_ADDRESS; i++) {
      expect(await claimAttempt(testDb.db, throttleKeys(`user${i}@example.test`, '10.0.0.9').address, t0)).toEqual({
        ok: true,
      })
    }
    expect(await claimAttempt(testDb.db, throttleKeys('fresh@example.test', '10.0.0.9').address, t0)).toMatchObject({
      ok: false,
    })
    expect(await claimAttempt(testDb.db, throttleKeys('fresh@example.test', '10.0.0.10').address, t0)).toEqual({
      ok: true,
    })
  })

  it('prunes forgotten counters and old failed/refused sign-in rows, never operators’ actions', async () => {
    const now = at(100 * 24 * 60 * 60_000)
    const old = new Date(now.getTime() - (AUTH_NOISE_RETENTION_DAYS + 1) * 24 * 60 * 60_000)
    const recent = new Date(now.getTime() - 60_000)
    await testDb.db.loginThrottle.createMany({
      data: [
        { key: 'pair:quiet|1', failures: 9, windowStart: new Date(now.getTime() - FORGET_AFTER_MS - 1) },
        { key: 'pair:recent|1', failures: 9, windowStart: recent, lockedUntil: new Date(now.getTime() + 1) },
        {
          key: 'pair:still-waiting|1',
          failures: 40,
          windowStart: new Date(now.getTime() - FORGET_AFTER_MS - 1),
          lockedUntil: new Date(now.getTime() + 60_000),
        },
      ],
    })
    const row = (action: string, when: Date) => ({ actorLabel: 'x@example.test', action, at: when })
    await testDb.db.auditLog.createMany({
      data: [
        row('auth.sign_in_failed', old),
        row('auth.sign_in_refused', old),
        row('auth.sign_in_failed', recent),
        row('auth.sign_in', old),
        row('device.unlock', old),
      ],
    })
    expect(await pruneSignInRecords(testDb.db, now)).toEqual({ throttle: 1, audit: 2 })
    expect((await testDb.db.loginThrottle.findMany()).map((r) => r.key).sort()).toEqual([
      'pair:recent|1',
      'pair:still-waiting|1',
    ])
    expect((await testDb.db.auditLog.findMany()).map((r) => r.action).sort()).toEqual([
      'auth.sign_in',
      'auth.sign_in_failed',
      'device.unlock',
    ])
  })
})
