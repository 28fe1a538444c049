// Credential check behind the sign-in form: throttled, constant-ish time, audited. A successful sign-in (failures
// cleared, lastLoginAt, audit row) is one change. A failure is counted on its own, before its audit row, so the
// throttle keeps counting even if the audit trail cannot be written.
import { clearSignInFailures, recordSignInFailure, signInBlockedFor, throttleKeys } from '@/lib/auth/login-throttle'
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password'
import type { Db } from '@/lib/db/client'
import type { Role } from '@/lib/domain/enums'
import { runChange } from '@/lib/domain/run-change'

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'throttled'; retryAfterMs?: number }

export const SIGN_IN_THROTTLED = 'Too many failed sign-ins. Wait a few minutes and try again.'
export const SIGN_IN_INVALID = 'Wrong email or password.'

export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string | null; userAgent: string | null },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase()
  const keys = throttleKeys(email, input.ip)
  const context = { ip: input.ip, userAgent: input.userAgent }
  const wait = await signInBlockedFor(db, keys)
  if (wait > 0) {
    await runChange(db, async ({ audit }) =>
      audit({ actor: { userId: null, label: email }, action: 'auth.sign_in_refused', context }),
    )
    return { ok: false, reason: 'throttled', retryAfterMs: wait }
  }
  const user = await db.user.findUnique({ where: { email } })
  const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : false
  if (!user) await burnPasswordCheck(input.password)
  if (!user || !valid) {
    await recordSignInFailure(db, keys)
    await runChange(db, async ({ audit }) =>
      audit({ actor: { userId: user?.id ?? null, label: email }, action: 'auth.sign_in_failed', context }),
    )
    return { ok: false, reason: 'invalid' }
  }
  await runChange(db, async ({ tx, audit }) => {
    await clearSignInFailures(tx, email)
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } })
    audit({ actor: { userId: user.id, label: user.email }, action: 'auth.sign_in', context })
  })
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role as Role,
      sessionVersion: user.sessionVersion,
    },
  }
}
