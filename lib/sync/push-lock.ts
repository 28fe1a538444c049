// Pushing one resident to a residential smart lock (model A, docs/tuya-devices.md §3.1–3.2): a lock member named
// after the resident, and each PIN as a temporary password valid for the credential's window (within the
// resident's). Faces and cards live on the lock itself, so they are noted on the row, not failed. Creating a
// member or a temporary password is not idempotent: the intent is recorded before the call, and a push resuming
// after a crash looks the member or password up by name instead of creating a second one.
import { z } from 'zod'
import { type Applied, type AppliedLockPassword, emptyApplied } from '@/lib/sync/applied-state'
import type { Desired, DesiredPin } from '@/lib/sync/desired-state'
import { type PushDeps, gated, ignoreMissing, isMissing, unsealPin } from '@/lib/sync/push-deps'

const TEN_YEARS_S = 10 * 365 * 24 * 3600
const MEMBER_SEX = 1

const tempPasswordListSchema = z.array(
  z.looseObject({
    id: z.union([z.string(), z.number()]).transform(String),
    name: z.string().nullish(),
    phase: z.number().nullish(),
    effective_time: z.number().nullish(),
    invalid_time: z.number().nullish(),
  }),
)
/** Phase 17: revoked (docs/tuya-devices.md §3.2). */
const REVOKED_PHASE = 17

export const passwordName = (credentialId: string) => `pin-${credentialId}`

const seconds = (d: Date) => Math.floor(d.getTime() / 1000)

/** Effective and invalid time in seconds: the credential's window inside the resident's. */
export function lockPasswordWindow(pin: DesiredPin, desired: Desired): { from: number; until: number } {
  const starts = [pin.validFrom?.getTime(), desired.begin].filter((t): t is number => typeof t === 'number')
  const ends = [pin.validUntil?.getTime(), desired.end].filter((t): t is number => typeof t === 'number')
  const from = starts.length ? Math.floor(Math.max(...starts) / 1000) : seconds(pin.createdAt)
  const until = ends.length ? Math.floor(Math.min(...ends) / 1000) : from + TEN_YEARS_S
  return { from, until: Math.max(until, from + 60) }
}

async function findMemberByName(deps: PushDeps, deviceId: string, name: string): Promise<string | null> {
  for (let pageNo = 1; pageNo <= 20; pageNo++) {
    const page = await gated(deps, 'write', () => deps.api.listLockUsers(deviceId, { pageNo, pageSize: 100 }))
    const found = page.records.find((r) => r.nick_name === name)
    if (found) return found.user_id
    if (!page.has_more) return null
  }
  return null
}

async function listPasswords(deps: PushDeps, deviceId: string) {
  const parsed = tempPasswordListSchema.safeParse(
    await gated(deps, 'write', () => deps.api.listTempPasswords(deviceId)),
  )
  return parsed.success ? parsed.data.filter((p) => p.phase !== REVOKED_PHASE) : []
}

/** Settles creations whose answer was lost: adopt what the lock has under the recorded name. */
async function resolvePending(deviceId: string, applied: Applied, deps: PushDeps): Promise<void> {
  if (applied.memberPending !== undefined) {
    const userId = await findMemberByName(deps, deviceId, applied.memberPending)
    if (userId) applied.member = { userId, name: applied.memberPending }
    delete applied.memberPending
    await deps.record(applied)
  }
  const pending = Object.entries(applied.passwordsPending)
  if (pending.length === 0) return
  const onLock = await listPasswords(deps, deviceId)
  for (const [credentialId, name] of pending) {
    const found = onLock.find((p) => p.name === name)
    if (found) {
      applied.passwords[credentialId] = {
        id: found.id,
        from: found.effective_time ?? 0,
        until: found.invalid_time ?? 0,
      }
    }
    delete applied.passwordsPending[credentialId]
  }
  await deps.record(applied)
}

export async function pushLock(
  deviceId: string,
  desired: Desired | null,
  start: Applied,
  deps: PushDeps,
): Promise<Applied> {
  const api = deps.api
  const applied: Applied = structuredClone(start)
  const save = () => deps.record(applied)
  await resolvePending(deviceId, applied, deps)

  // Passwords that must go: every one when the resident leaves the lock, else those no longer wanted as they are.
  const wanted = new Map<string, { pin: DesiredPin; window: AppliedLockPassword | null }>()
  for (const pin of desired?.pins ?? []) wanted.set(pin.credentialId, { pin, window: null })
  for (const [credentialId, password] of Object.entries(applied.passwords)) {
    const want = wanted.get(credentialId)
    const window = want && desired ? lockPasswordWindow(want.pin, desired) : null
    if (window && window.from === password.from && window.until === password.until) continue
    await gated(deps, 'write', () => ignoreMissing(api.deleteTempPassword(deviceId, password.id)))
    delete applied.passwords[credentialId]
    await save()
  }

  if (!desired) {
    if (applied.member) {
      const { userId } = applied.member
      await gated(deps, 'write', () => ignoreMissing(api.deleteLockMember(deviceId, userId)))
    }
    const cleared = emptyApplied()
    await deps.record(cleared)
    return cleared
  }

  // The member.
  if (applied.member && applied.member.name !== desired.name) {
    const { userId } = applied.member
    try {
      await gated(deps, 'write', () =>
        api.updateLockMember(deviceId, userId, { nick_name: desired.name, sex: MEMBER_SEX }),
      )
      applied.member = { userId, name: desired.name }
    } catch (error) {
      if (!isMissing(error)) throw error
      delete applied.member
    }
    await save()
  }
  if (!applied.member) {
    applied.memberPending = desired.name
    await save()
    const created = await gated(deps, 'write', () =>
      api.createLockMember(deviceId, { nick_name: desired.name, sex: MEMBER_SEX }),
    )
    applied.member = { userId: created.userId, name: desired.name }
    delete applied.memberPending
    await save()
  }

  // New passwords.
  for (const pin of desired.pins) {
    if (applied.passwords[pin.credentialId]) continue
    const window = lockPasswordWindow(pin, desired)
    const plain = unsealPin(pin.sealed, pin.credentialId, deps.secret)
    const name = passwordName(pin.credentialId)
    applied.passwordsPending[pin.credentialId] = name
    await save()
    const created = await gated(deps, 'write', () =>
      api.createTempPassword(deviceId, {
        name,
        password: plain,
        effectiveTime: window.from,
        invalidTime: window.until,
      }),
    )
    applied.passwords[pin.credentialId] = { id: created.id, ...window }
    delete applied.passwordsPending[pin.credentialId]
    await save()
  }

  if (JSON.stringify(applied.notes) !== JSON.stringify(desired.notes)) {
    applied.notes = [...desired.notes]
    await save()
  }
  return applied
}
