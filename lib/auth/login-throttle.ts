// Password guessing is slowed down, never turned into a lockout (docs/web-security.md "Sign-in throttle"). Every
// attempt first claims a slot on two counters in the database (shared by every app instance):
// - `pair:<email>|<address>`: one account from one client address. The first FREE_ATTEMPTS_PER_ACCOUNT
//   attempts are free, then each failure doubles the wait before the next one, up to MAX_DELAY_MS. Someone
//   failing from another address therefore cannot keep an operator out (a per-account lockout would let anyone
//   do that to a known operator's email).
// - `ip:<address>`: every account from one address (password spraying), with a larger free allowance.
// A claim is a compare-and-swap on the row, so parallel attempts each get their own count and the password is
// checked no more times than allowed. A success clears the pair and gives the address its slot back.
import type { Db } from '@/lib/db/client'
import { isUniqueViolation } from '@/lib/db/errors'

export const FREE_ATTEMPTS_PER_ACCOUNT = 5
export const FREE_ATTEMPTS_PER_ADDRESS = 20
export const FIRST_DELAY_MS = 5_000
export const MAX_DELAY_MS = 15 * 60_000
/** A counter with no attempt for this long starts again from zero (and may be pruned). */
export const FORGET_AFTER_MS = 24 * 60 * 60_000

export type ThrottleKey = { key: string; free: number }
export type Claim = { ok: true } | { ok: false; retryAfterMs: number; waitingSince: Date }

export function throttleKeys(email: string, ip: string | null): { pair: ThrottleKey; address: ThrottleKey } {
  const address = ip ?? 'unknown'
  return {
    pair: { key: `pair:${email.trim().toLowerCase()}|${address}`, free: FREE_ATTEMPTS_PER_ACCOUNT },
    address: { key: `ip:${address}`, free: FREE_ATTEMPTS_PER_ADDRESS },
  }
}

/** The wait after the n-th counted attempt: none while free, then 5 s, 10 s, 20 s … capped at 15 min. */
export function delayAfter(attempts: number, free: number): number {
  if (attempts < free) return 0
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempts - free, 30))
}

async function readOrCreate(db: Db, key: string, now: Date) {
  const row = await db.loginThrottle.findUnique({ where: { key } })
  if (row) return row
  try {
    return await db.loginThrottle.create({ data: { key, failures: 0, windowStart: now, lockedUntil: null } })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return db.loginThrottle.findUniqueOrThrow({ where: { key } })
  }
}

/**
 * Takes one attempt on the counter, or says how long to wait. `windowStart` holds the time of the last counted
 * attempt, `lockedUntil` the earliest next one.
 */
export async function claimAttempt(db: Db, { key, free }: ThrottleKey, now = new Date()): Promise<Claim> {
  for (let round = 0; round < 50; round++) {
    const row = await readOrCreate(db, key, now)
    if (row.lockedUntil && row.lockedUntil > now) {
      return { ok: false, retryAfterMs: row.lockedUntil.getTime() - now.getTime(), waitingSince: row.windowStart }
    }
    const forgotten = row.windowStart.getTime() + FORGET_AFTER_MS <= now.getTime()
    const attempts = (forgotten ? 0 : row.failures) + 1
    const swapped = await db.loginThrottle.updateMany({
      where: { key, failures: row.failures, windowStart: row.windowStart },
      data: { failures: attempts, windowStart: now, lockedUntil: new Date(now.getTime() + delayAfter(attempts, free)) },
    })
    if (swapped.count === 1) return { ok: true }
  }
  // Only under extreme contention on one counter: refuse rather than check a password uncounted.
  return { ok: false, retryAfterMs: FIRST_DELAY_MS, waitingSince: now }
}

/** Gives a claimed slot back (the attempt was not a failed guess). Takes the client or a change's transaction. */
export async function releaseAttempt(db: Pick<Db, 'loginThrottle'>, { key }: ThrottleKey): Promise<void> {
  await db.loginThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } })
}

/** After a successful sign-in: this account from this address starts again from zero. */
export async function clearAttempts(db: Pick<Db, 'loginThrottle'>, { key }: ThrottleKey): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } })
}
