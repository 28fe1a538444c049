// Pushing one resident to a face terminal or door station: Tuya's access-control persons API (model C,
// docs/tuya-devices.md §3.3). Removals first (a revoked card must stop opening the door before anything else),
// then the person, then additions; `applied` is recorded after every call. Deleting the person removes its faces,
// cards and PINs with it, so removing a resident from the device is one call.
import type { AccessControlPerson } from '@/lib/tuya/openapi/openapi-access-control'
import { type Applied, type AppliedPerson, emptyApplied, holdsAnything } from '@/lib/sync/applied-state'
import type { Desired } from '@/lib/sync/desired-state'
import { signFaceImageUrl } from '@/lib/sync/face-image-url'
import { type PushDeps, gated, ignoreMissing, isMissing, unsealPin } from '@/lib/sync/push-deps'
import { HeldElsewhereError, syncError } from '@/lib/sync/sync-failure'
import { TuyaApiError } from '@/lib/tuya/errors'

/** Adding a card or PIN the device still gives to someone else answers 1109: retried until their removal lands. */
async function mayBeHeldElsewhere<T>(call: Promise<T>): Promise<T> {
  try {
    return await call
  } catch (error) {
    if (error instanceof TuyaApiError && error.code === 1109) throw new HeldElsewhereError(error)
    throw error
  }
}

const samePerson = (a: AppliedPerson, b: AppliedPerson) => a.name === b.name && a.begin === b.begin && a.end === b.end

function personBody(person: AppliedPerson): AccessControlPerson {
  return {
    name: person.name,
    ...(person.begin !== null ? { begin_time: person.begin } : {}),
    ...(person.end !== null ? { end_time: person.end } : {}),
  }
}

export async function pushAccessControl(
  deviceId: string,
  personId: string,
  desired: Desired | null,
  start: Applied,
  deps: PushDeps,
): Promise<Applied> {
  const api = deps.api
  let applied: Applied = structuredClone(start)
  const save = () => deps.record(applied)

  const removePerson = async () => {
    if (holdsAnything(applied)) await gated(deps, 'write', () => ignoreMissing(api.deletePerson(deviceId, personId)))
    applied = emptyApplied()
    await save()
  }

  if (!desired) {
    await removePerson()
    return applied
  }

  // Removals.
  // A face is its credential: the device may know it under another face id (enrolled before the console).
  const wantFaces = new Set(desired.faces.map((f) => f.credentialId))
  for (const [credentialId, faceId] of Object.entries(applied.faces)) {
    if (wantFaces.has(credentialId)) continue
    await gated(deps, 'face', () => ignoreMissing(api.deleteFace(deviceId, personId, faceId)))
    delete applied.faces[credentialId]
    await save()
  }
  const wantCards = new Map(desired.cards.map((c) => [c.credentialId, c.cardNo]))
  for (const [credentialId, cardNo] of Object.entries(applied.cards)) {
    if (wantCards.get(credentialId) === cardNo) continue
    await gated(deps, 'write', () => ignoreMissing(api.deleteCard(deviceId, personId, cardNo)))
    delete applied.cards[credentialId]
    await save()
  }
  const wantPins = new Set(desired.pins.map((p) => p.credentialId))
  for (const credentialId of [...applied.pins]) {
    if (wantPins.has(credentialId)) continue
    const pin = deps.pinOf(credentialId)
    if (pin === null) {
      // The device needs the PIN to delete it and we no longer know it: start the person over instead.
      await removePerson()
      break
    }
    await gated(deps, 'write', () => ignoreMissing(api.deletePassword(deviceId, personId, pin)))
    applied.pins = applied.pins.filter((id) => id !== credentialId)
    await save()
  }

  // The person: created, or updated when its name or window changed.
  const person: AppliedPerson = { name: desired.name, begin: desired.begin, end: desired.end }
  if (!applied.person) {
    await gated(deps, 'write', () => api.addPerson(deviceId, personId, personBody(person)))
    applied.person = person
    await save()
  } else if (!samePerson(applied.person, person)) {
    try {
      await gated(deps, 'write', () => api.updatePerson(deviceId, personId, personBody(person)))
      applied.person = person
    } catch (error) {
      if (!isMissing(error)) throw error
      // The device lost the person (and with it everything it held): add it again from scratch.
      await gated(deps, 'write', () => api.addPerson(deviceId, personId, personBody(person)))
      applied = { ...emptyApplied(), person }
    }
    await save()
  }

  // Additions.
  for (const face of desired.faces) {
    if (applied.faces[face.credentialId] !== undefined) continue
    if (!deps.faceBaseUrl) throw syncError.noPublicUrl()
    const url = signFaceImageUrl({
      baseUrl: deps.faceBaseUrl,
      credentialId: face.credentialId,
      secret: deps.secret,
      now: deps.now().getTime(),
    })
    await gated(deps, 'face', () => api.addFace(deviceId, personId, face.faceId, url))
    applied.faces[face.credentialId] = face.faceId
    await save()
  }
  for (const card of desired.cards) {
    if (applied.cards[card.credentialId] === card.cardNo) continue
    await gated(deps, 'write', () => mayBeHeldElsewhere(api.addCard(deviceId, personId, card.cardNo)))
    applied.cards[card.credentialId] = card.cardNo
    await save()
  }
  for (const pin of desired.pins) {
    if (applied.pins.includes(pin.credentialId)) continue
    const plain = unsealPin(pin.sealed, pin.credentialId, deps.secret)
    await gated(deps, 'write', () => mayBeHeldElsewhere(api.addPassword(deviceId, personId, plain)))
    applied.pins.push(pin.credentialId)
    await save()
  }

  if (JSON.stringify(applied.notes) !== JSON.stringify(desired.notes)) {
    applied.notes = [...desired.notes]
    await save()
  }
  return applied
}
