// Credential check behind the sign-in form: throttled (lib/auth/login-throttle.ts), constant-ish time, audited. A
// successful sign-in (throttle cleared, lastLoginAt, audit row) is one change. The throttle claims commit on their
// own before the password is looked at, so counting never depends on the audit trail being writable.
import { claimAttempt, clearAttempts, releaseAttempt, throttleKeys } from '@/lib/auth/login-throttle'
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password'
import { pruneSignInRecordsWhenDue } from '@/lib/auth/prune-sign-in-records'
import type { Db } from '@/lib/db/client'
import type { Role } from '@/lib/domain/enums'
import { runChange } from '@/lib/domain/run-change'

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'throttled'; retryAfterMs?: number }

/** Stable codes next-auth passes to the sign-in form as `error`; the form shows them in the page's language. */
export const SIGN_IN_THROTTLED = 'sign_in_throttled'
export const SIGN_IN_INVALID = 'sign_in_invalid'

type SignInInput = { email: string; password: string; ip: string | null; userAgent: string | null; now?: Date }

type AuditContext = { ip: string | null; userAgent: string | null }

/** One audit row per wait, not per hammered request: the refusal is recorded once since the wait began. */
async function auditRefusalOnce(db: Db, email: string, context: AuditContext, waitingSince: Date) {
  const already = await db.auditLog.findFirst({
    where: { action: 'auth.sign_in_refused', actorLabel: email, ip: context.ip, at: { gte: waitingSince } },
    select: { id: true },
  })
  if (already) return
  await runChange(db, async ({ audit }) =>
    audit({ actor: { userId: null, label: email }, action: 'auth.sign_in_refused', context }),
  )
}

export async function signInWithPassword(db: Db, input: SignInInput): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase()
  const now = input.now ?? new Date()
  const keys = throttleKeys(email, input.ip)
  const context = { ip: input.ip, userAgent: input.userAgent }
  pruneSignInRecordsWhenDue(db)

  // Both counters are claimed before the password is looked at; a refused attempt checks nothing.
  const address = await claimAttempt(db, keys.address, now)
  const pair = address.ok ? await claimAttempt(db, keys.pair, now) : address
  if (!pair.ok) {
    if (address.ok) await releaseAttempt(db, keys.address)
    await auditRefusalOnce(db, email, context, pair.waitingSince)
    return { ok: false, reason: 'throttled', retryAfterMs: pair.retryAfterMs }
  }

  const user = await db.user.findUnique({ where: { email } })
  const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : false
  if (!user) await burnPasswordCheck(input.password)
  if (!user || !valid) {
    await runChange(db, async ({ audit }) =>
      audit({ actor: { userId: user?.id ?? null, label: email }, action: 'auth.sign_in_failed', context }),
    )
    return { ok: false, reason: 'invalid' }
  }
  await runChange(db, async ({ tx, audit }) => {
    await clearAttempts(tx, keys.pair)
    await releaseAttempt(tx, keys.address)
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } })
    audit({ actor: { userId: user.id, label: user.email }, action: 'auth.sign_in', context })
  })
  const role = user.role as Role
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role, sessionVersion: user.sessionVersion },
  }
}
