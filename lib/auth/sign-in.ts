// Credential check behind the sign-in form: throttled, constant-ish time, audited.
import { recordAudit } from '@/lib/audit/record-audit'
import { clearSignInFailures, recordSignInFailure, signInBlockedFor, throttleKeys } from '@/lib/auth/login-throttle'
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password'
import type { Db } from '@/lib/db/client'
import type { Role } from '@/lib/domain/enums'

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
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
    await recordAudit(db, { actor: { userId: null, label: email }, action: 'auth.sign_in_refused', context })
    return { ok: false, reason: 'throttled', retryAfterMs: wait }
  }
  const user = await db.user.findUnique({ where: { email } })
  const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : false
  if (!user) await burnPasswordCheck(input.password)
  if (!user || !valid) {
    await recordSignInFailure(db, keys)
    await recordAudit(db, {
      actor: { userId: user?.id ?? null, label: email },
      action: 'auth.sign_in_failed',
      context,
    })
    return { ok: false, reason: 'invalid' }
  }
  await clearSignInFailures(db, email)
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } })
  await recordAudit(db, { actor: { userId: user.id, label: user.email }, action: 'auth.sign_in', context })
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role } }
}
