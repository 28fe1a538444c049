// Whether a smart lock opens: a member (created through the OpenAPI or from the demo building) must hold a slot
// for the credential; a typed PIN opens only as a temporary password inside its effective/invalid time (10-digit
// seconds, docs/tuya-devices.md §3.2), once for a single-use one. Card numbers are enrolled on the lock itself and
// the cloud never learns them (§3.1), so a card presented by number matches no member.
import type { SimContext } from '@/simulator/devices/sim-context'
import { type RefusalReason, TriggerError, type TriggerActor } from '@/simulator/devices/trigger-kinds'
import {
  type SimDevice,
  type SimLockMember,
  type SimTempPassword,
  tempPasswordVerdict,
} from '@/simulator/state/sim-state'

export type SlotKey = 'faceSlot' | 'cardSlot' | 'passwordSlot'
export const SLOT_CODE: Record<SlotKey, string> = {
  faceSlot: 'unlock_face',
  cardSlot: 'unlock_card',
  passwordSlot: 'unlock_password',
}

export type LockDecision =
  | { outcome: 'granted'; member: SimLockMember }
  | { outcome: 'granted'; tempPassword: SimTempPassword }
  | { outcome: 'refused'; reason: RefusalReason }

/** The member a trigger acts as when a demo resident or nobody is named (today's behaviour: 409 if impossible). */
export function pickLockMember(ctx: SimContext, device: SimDevice, slot: SlotKey, residentId?: string): SimLockMember {
  const holders = device.members.filter((m) => m[slot] !== undefined)
  if (residentId) {
    const member = holders.find((m) => m.residentId === residentId || m.lockUserId === residentId)
    if (!member)
      throw new TriggerError(409, `resident ${residentId} has no ${SLOT_CODE[slot]} slot on ${device.def.id}`)
    return member
  }
  const member = holders[Math.floor(Math.random() * holders.length)]
  if (!member) throw new TriggerError(409, `no member of ${device.def.id} has a ${SLOT_CODE[slot]} slot`)
  return member
}

function judgeTempPassword(device: SimDevice, pin: string, now: number): LockDecision {
  const matching = device.tempPasswords.filter((p) => p.password === pin)
  const usable = matching.find((p) => tempPasswordVerdict(p, now) === 'usable')
  if (usable) return { outcome: 'granted', tempPassword: usable }
  // The most telling reason among live passwords with these digits; a revoked one is as good as none.
  const verdicts = matching.map((p) => tempPasswordVerdict(p, now))
  if (verdicts.includes('outside_validity')) return { outcome: 'refused', reason: 'outside_validity' }
  if (verdicts.includes('already_used')) return { outcome: 'refused', reason: 'already_used' }
  return { outcome: 'refused', reason: 'not_enrolled' }
}

export function decideLockAccess(ctx: SimContext, device: SimDevice, slot: SlotKey, actor: TriggerActor): LockDecision {
  if (actor.pin !== undefined) return judgeTempPassword(device, actor.pin, ctx.clock.now())
  if (actor.cardNo !== undefined) return { outcome: 'refused', reason: 'not_enrolled' }
  if (actor.personId !== undefined) {
    const member = device.members.find((m) => m.lockUserId === actor.personId && m[slot] !== undefined)
    return member ? { outcome: 'granted', member } : { outcome: 'refused', reason: 'not_enrolled' }
  }
  return { outcome: 'granted', member: pickLockMember(ctx, device, slot, actor.residentId) }
}
