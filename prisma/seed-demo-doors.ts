// Demo mode: the residents' credentials, their doors and the sync queue as the simulator's devices hold them.
// Each resident gets one face (an enrolment portrait as its photo), every card and PIN any simulated device
// knows them by, and a direct grant to every device that has them. Each DeviceSync row's `applied` records exactly
// what that device holds (under the device's own face ids and lock member ids), and the row is synced when that
// is what the register wants, pending otherwise: the worker then pushes the difference at start (e.g. a card
// enrolled at one lobby is sent to the other doors the resident may open).
import { pinUniqueKey, sealPin } from '@/lib/credentials/pin-secret'
import type { Tx } from '@/lib/db/client'
import { type Applied, emptyApplied, serializeApplied } from '@/lib/sync/applied-state'
import { computeDesired, loadSyncContext, syncModelOf } from '@/lib/sync/desired-state'
import { hasWork } from '@/lib/sync/sync-plan'
import type { DemoBuilding } from '@/simulator/demo-building'
import type { SnapshotPool } from '@/simulator/media/snapshot-images'

type Held = { face?: string; cards: Map<string, string>; pins: Map<string, string> }

export type DemoDoorsInput = {
  building: DemoBuilding
  /** Device row id by simulator device id. */
  deviceIds: Map<string, string>
  sealKey: string
  portraits: SnapshotPool
  now?: Date
}

export async function seedDemoDoors(tx: Tx, input: DemoDoorsInput): Promise<void> {
  const { building, deviceIds, sealKey, portraits: pool } = input
  const now = input.now ?? new Date()
  const held = new Map<string, Held>(building.residents.map((r) => [r.id, { cards: new Map(), pins: new Map() }]))
  const name = new Map(building.residents.map((r) => [r.id, r.name]))

  async function face(residentId: string, faceId: string) {
    const mine = held.get(residentId)!
    if (!mine.face) {
      const bytes = pool.portrait(residentId)
      const photo = await tx.snapshot.create({
        data: {
          source: `enrolment:${residentId}`,
          state: 'stored',
          contentType: 'image/jpeg',
          data: new Uint8Array(bytes),
          size: bytes.length,
          storedAt: now,
        },
      })
      const credential = await tx.credential.create({
        data: { residentId, kind: 'face', label: 'Enrolment photo', value: faceId, photoId: photo.id },
      })
      mine.face = credential.id
    }
    return mine.face
  }
  async function card(residentId: string, cardNo: string) {
    const cards = held.get(residentId)!.cards
    if (!cards.has(cardNo)) {
      const credential = await tx.credential.create({
        data: { residentId, kind: 'card', value: cardNo, uniqueKey: `card:${cardNo}` },
      })
      cards.set(cardNo, credential.id)
    }
    return cards.get(cardNo)!
  }
  async function pin(residentId: string, plain: string) {
    const pins = held.get(residentId)!.pins
    if (!pins.has(plain)) {
      const credential = await tx.credential.create({
        data: {
          residentId,
          kind: 'pin',
          secretSealed: sealPin(plain, sealKey),
          uniqueKey: pinUniqueKey(plain, sealKey),
        },
      })
      pins.set(plain, credential.id)
    }
    return pins.get(plain)!
  }

  // What each device holds, per resident.
  const rows: { residentId: string; deviceId: string; applied: Applied }[] = []
  for (const d of building.devices) {
    const deviceId = deviceIds.get(d.id)!
    for (const p of d.persons) {
      const applied: Applied = {
        ...emptyApplied(),
        person: { name: name.get(p.residentId) ?? '', begin: null, end: null },
      }
      if (p.faceId) applied.faces[await face(p.residentId, p.faceId)] = p.faceId
      if (p.cardNo) applied.cards[await card(p.residentId, p.cardNo)] = p.cardNo
      if (p.pin) applied.pins.push(await pin(p.residentId, p.pin))
      rows.push({ residentId: p.residentId, deviceId, applied })
    }
    for (const m of d.members) {
      const applied: Applied = {
        ...emptyApplied(),
        member: { userId: m.lockUserId, name: name.get(m.residentId) ?? '' },
      }
      rows.push({ residentId: m.residentId, deviceId, applied })
    }
  }

  for (const row of rows) {
    await tx.residentDeviceGrant.create({ data: { residentId: row.residentId, deviceId: row.deviceId } })
  }
  // With every credential and grant in place: in sync where the device already has what the register wants.
  for (const row of rows) {
    const ctx = await loadSyncContext(tx, row.residentId, row.deviceId)
    const model = syncModelOf(ctx.device.category)
    const desired = computeDesired({ ...ctx, model, now })
    row.applied.notes = desired?.notes ?? [] // our own remarks, not something the device holds
    const synced = !hasWork(model, desired, row.applied)
    await tx.deviceSync.create({
      data: {
        residentId: row.residentId,
        deviceId: row.deviceId,
        applied: serializeApplied(row.applied),
        state: synced ? 'synced' : 'pending',
        syncedGeneration: synced ? 1 : 0,
        nextAttemptAt: synced ? null : now,
      },
    })
  }
}
