// Whether a face terminal or door station lets someone in: the person must be enrolled on this device with the
// credential presented (face, card number, PIN) and be inside their validity window (`begin_time`/`end_time`,
// device clock). This is what makes the simulator a test of what the console pushed, not a random generator.
import type { SimContext } from '@/simulator/devices/sim-context'
import { type RefusalReason, TriggerError, type TriggerActor } from '@/simulator/devices/trigger-kinds'
import { type SimDevice, findResidentByPersonId, isWithinValidity } from '@/simulator/state/sim-state'

export type Credential = 'face' | 'card' | 'pin'
export type PickedPerson = { personId: string; name: string; residentId?: string }
export type VendorDecision =
  { outcome: 'granted'; person: PickedPerson } | { outcome: 'refused'; reason: RefusalReason }

function personIdsWith(device: SimDevice, credential: Credential): string[] {
  if (credential === 'face') return [...new Set([...device.faces.values()].map((f) => f.personId))]
  if (credential === 'card') return [...new Set([...device.cards.values()].map((c) => c.personId))]
  return [...new Set([...device.pins.values()].map((p) => p.personId))]
}

function describePerson(ctx: SimContext, device: SimDevice, personId: string): PickedPerson {
  const resident = findResidentByPersonId(ctx.state, personId)
  const name = device.persons.get(personId)?.name ?? resident?.name ?? personId
  return { personId, name, residentId: resident?.id }
}

/** The device's own check for one person id (undefined: the credential matched nobody). */
function judge(
  ctx: SimContext,
  device: SimDevice,
  credential: Credential,
  personId: string | undefined,
): VendorDecision {
  const person = personId === undefined ? undefined : device.persons.get(personId)
  if (!person || !personIdsWith(device, credential).includes(person.personId))
    return { outcome: 'refused', reason: 'not_enrolled' }
  if (!isWithinValidity(person, ctx.clock.now())) return { outcome: 'refused', reason: 'outside_validity' }
  return { outcome: 'granted', person: describePerson(ctx, device, person.personId) }
}

/**
 * Decides an unlock attempt. A card number or PIN is looked up like the device would; a person id must hold the
 * credential. A demo resident who lacks the credential is a 409 (the trigger makes no sense), as before; with
 * nobody named, a random person who may enter right now is picked.
 */
export function decideVendorAccess(
  ctx: SimContext,
  device: SimDevice,
  credential: Credential,
  actor: TriggerActor,
): VendorDecision {
  if (actor.cardNo !== undefined) return judge(ctx, device, credential, device.cards.get(actor.cardNo)?.personId)
  if (actor.pin !== undefined) return judge(ctx, device, credential, device.pins.get(actor.pin)?.personId)
  if (actor.personId !== undefined) return judge(ctx, device, credential, actor.personId)
  const candidates = personIdsWith(device, credential)
  if (actor.residentId !== undefined) {
    const { residentId } = actor
    const resident = ctx.state.residents.get(residentId)
    const personId = candidates.find((id) => id === residentId || id === resident?.tuyaPersonId)
    if (!personId)
      throw new TriggerError(409, `resident ${residentId} has no ${credential} enrolled on ${device.def.id}`)
    return judge(ctx, device, credential, personId)
  }
  const now = ctx.clock.now()
  const allowed = candidates.filter((id) => {
    const person = device.persons.get(id)
    return person !== undefined && isWithinValidity(person, now)
  })
  const personId = allowed[Math.floor(Math.random() * allowed.length)]
  if (!personId) throw new TriggerError(409, `nobody may use a ${credential} on ${device.def.id} right now`)
  return { outcome: 'granted', person: describePerson(ctx, device, personId) }
}

/**
 * The caller a face-recognition station recognised when rung (the doorbell trigger's `residentId` or `personId`):
 * someone with a face enrolled on this device, as recognition needs; undefined when the trigger names nobody.
 */
export function recogniseCaller(ctx: SimContext, device: SimDevice, actor: TriggerActor): PickedPerson | undefined {
  if (actor.residentId === undefined && actor.personId === undefined) return undefined
  const resident = actor.residentId === undefined ? undefined : ctx.state.residents.get(actor.residentId)
  const wanted = actor.personId ?? resident?.tuyaPersonId ?? actor.residentId
  const personId = personIdsWith(device, 'face').find((id) => id === wanted || id === actor.residentId)
  if (!personId) throw new TriggerError(409, `${wanted} has no face enrolled on ${device.def.id} to be recognised by`)
  return describePerson(ctx, device, personId)
}
