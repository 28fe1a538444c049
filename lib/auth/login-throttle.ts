// Failed sign-ins are limited per account and per client address, in the database so every app
// instance shares the count: after MAX_FAILURES inside WINDOW_MS, further attempts are refused until the
// window ends (even with the right password, so guessing cannot continue).
import type { Db } from '@/lib/db/client'

export const MAX_FAILURES = 5
export const WINDOW_MS = 15 * 60_000

export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`]
  if (ip) keys.push(`ip:${ip}`)
  return keys
}

/** Milliseconds until sign-in is allowed again for any of the keys, or 0. */
export async function signInBlockedFor(db: Db, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } })
  let wait = 0
  for (const row of rows) {
    const windowEnd = row.windowStart.getTime() + WINDOW_MS
    if (row.failures >= MAX_FAILURES && windowEnd > now.getTime()) wait = Math.max(wait, windowEnd - now.getTime())
  }
  return wait
}

export async function recordSignInFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    await db.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } })
      const expired = !row || row.windowStart.getTime() + WINDOW_MS <= now.getTime()
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures: 1, windowStart: now },
        update: expired ? { failures: 1, windowStart: now } : { failures: { increment: 1 } },
      })
    })
  }
}

/** Takes the client or the sign-in's transaction. */
export async function clearSignInFailures(db: Pick<Db, 'loginThrottle'>, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } })
}
