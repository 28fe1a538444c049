// Whether a device already holds exactly what the register wants for a resident, without calling anything: the
// same comparisons the pushes make (lib/sync/push-access-control.ts, push-lock.ts). The demo seed uses it to
// mark rows synced only where the simulator's devices already agree with the register.
import { type Applied, holdsAnything } from '@/lib/sync/applied-state'
import type { Desired, SyncModel } from '@/lib/sync/desired-state'
import { lockPasswordWindow } from '@/lib/sync/push-lock'

const sameSet = (a: Iterable<string>, b: Iterable<string>) => {
  const left = [...new Set(a)].sort()
  const right = [...new Set(b)].sort()
  return left.length === right.length && left.every((v, i) => v === right[i])
}

export function hasWork(model: SyncModel, desired: Desired | null, applied: Applied): boolean {
  if (model === 'unsupported') return JSON.stringify(applied.notes) !== JSON.stringify(desired?.notes ?? [])
  if (!desired) return holdsAnything(applied)
  if (JSON.stringify(applied.notes) !== JSON.stringify(desired.notes)) return true
  if (model === 'lock') {
    if (!applied.member || applied.member.name !== desired.name || applied.memberPending !== undefined) return true
    if (Object.keys(applied.passwordsPending).length > 0) return true
    if (
      !sameSet(
        Object.keys(applied.passwords),
        desired.pins.map((p) => p.credentialId),
      )
    )
      return true
    return desired.pins.some((pin) => {
      const window = lockPasswordWindow(pin, desired)
      const held = applied.passwords[pin.credentialId]
      return held.from !== window.from || held.until !== window.until
    })
  }
  const person = applied.person
  if (!person || person.name !== desired.name || person.begin !== desired.begin || person.end !== desired.end)
    return true
  if (
    !sameSet(
      Object.keys(applied.faces),
      desired.faces.map((f) => f.credentialId),
    )
  )
    return true
  if (
    !sameSet(
      Object.keys(applied.cards),
      desired.cards.map((c) => c.credentialId),
    )
  )
    return true
  if (desired.cards.some((c) => applied.cards[c.credentialId] !== c.cardNo)) return true
  return !sameSet(
    applied.pins,
    desired.pins.map((p) => p.credentialId),
  )
}
