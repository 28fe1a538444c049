// Keeps the sign-in tables bounded whatever an attacker sends (docs/web-security.md "Retention"): throttle
// counters go once forgotten (a day without attempts, no wait running), and the anonymous sign-in noise in the
// audit trail (failed and refused attempts) after AUTH_NOISE_RETENTION_DAYS. Operators' own actions, successful
// sign-ins included, are not touched here.
import { FORGET_AFTER_MS } from '@/lib/auth/login-throttle'
import type { Db } from '@/lib/db/client'

export const AUTH_NOISE_RETENTION_DAYS = 90
export const AUTH_NOISE_ACTIONS = ['auth.sign_in_failed', 'auth.sign_in_refused']
const PRUNE_EVERY_MS = 10 * 60_000

export async function pruneSignInRecords(db: Db, now = new Date()): Promise<{ throttle: number; audit: number }> {
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS)
  const throttle = await db.loginThrottle.deleteMany({
    where: { windowStart: { lt: forgotten }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  })
  const audit = await db.auditLog.deleteMany({
    where: {
      action: { in: AUTH_NOISE_ACTIONS },
      at: { lt: new Date(now.getTime() - AUTH_NOISE_RETENTION_DAYS * 24 * 60 * 60_000) },
    },
  })
  return { throttle: throttle.count, audit: audit.count }
}

const store = globalThis as unknown as { __signInPrunedAt?: number }

/** Called on every sign-in attempt; prunes at most every ten minutes per process, in the background. */
export function pruneSignInRecordsWhenDue(db: Db, now = Date.now()): void {
  if (now - (store.__signInPrunedAt ?? 0) < PRUNE_EVERY_MS) return
  store.__signInPrunedAt = now
  pruneSignInRecords(db).catch((error: Error) => console.error('[auth] pruning sign-in records failed:', error.message))
}
