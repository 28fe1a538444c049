// The door sync against the Tuya Cloud simulator and real databases: a resident granted a face terminal reaches
// synced and the device holds their person, face (downloaded from the signed URL), card and PIN; revoking a card
// removes it; suspending removes the person and reactivating brings everything back; a lock gets a member and
// its PIN as a temporary password, with a note (not a failure) that faces and cards cannot be pushed to it; a
// revoked PIN's sealed value is forgotten once no device holds it; every row change is broadcast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unsealSecret } from '@/lib/auth/seal'
import { TEST_PROVIDERS } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'
import { parseApplied } from '@/lib/sync/applied-state'
import { residentSync } from '@/lib/sync/data'
import { LOCK_FACE_CARD_NOTE } from '@/lib/sync/desired-state'
import {
  change,
  deviceHolds,
  DOOR_STATION,
  enrolResident,
  type Harness,
  LOCK,
  rowsOf,
  SECRET,
  startHarness,
  TERMINAL,
  waitForSynced,
} from '@/lib/sync/fixtures/sync-harness'

describe.each(TEST_PROVIDERS)('door sync on %s', (provider) => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness(provider)
    h.startWorker()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('pushes person, face, card and PIN to a face terminal and door station, and reports every step live', async () => {
    const live = recordLiveEmissions()
    try {
      const resident = await enrolResident(h, [TERMINAL.id, DOOR_STATION.id], { card: 'C0FFEE01', pin: '4815162' })
      await waitForSynced(h.db, [resident.id])
      for (const device of [TERMINAL.id, DOOR_STATION.id]) {
        const held = deviceHolds(h, device, resident.externalId)
        expect(held.person).toMatchObject({ name: resident.name })
        expect(held.faces).toHaveLength(1)
        expect(held.cards).toEqual(['C0FFEE01'])
        expect(held.pins).toEqual(['4815162'])
      }
      // The face the device enrolled is the photo the console served at the signed URL.
      const face = [...h.sim.state.devices.get(TERMINAL.id)!.faces.values()].find(
        (f) => f.personId === resident.externalId,
      )!
      expect(face.url).toMatch(new RegExp(`^${h.faceBaseUrl}/api/face-images/[^?]+\\?exp=\\d+&sig=[\\w-]{43}$`))
      expect(face.bytes).toBeGreaterThan(1000)

      const rows = await rowsOf(h.db, resident.id)
      expect(rows.map((r) => [r.state, r.attempts, r.errorCode, r.leaseOwner])).toEqual([
        ['synced', 0, null, null],
        ['synced', 0, null, null],
      ])
      const applied = parseApplied(rows[0].applied)
      expect(applied.person?.name).toBe(resident.name)
      expect(Object.values(applied.cards)).toEqual(['C0FFEE01'])
      expect(JSON.stringify(applied)).not.toContain('4815162') // PINs are never stored in clear

      const synced = live.emitted.filter((e) => e.event === 'sync.updated' && e.payload.residentId === resident.id)
      expect(synced.map((e) => e.payload.state)).toEqual(['synced', 'synced'])
      const updates = live.emitted.filter((e) => e.event === 'resident.updated' && e.payload.id === resident.id)
      expect(updates.at(-1)?.payload).toMatchObject({ sync: { pending: 0, synced: 2, failed: 0 } })
      expect(synced[0].rooms).toEqual(['role:admin'])
    } finally {
      live.stop()
    }
  })

  it('removes a revoked card, then the person on suspension, and brings everything back on reactivation', async () => {
    const resident = await enrolResident(h, [TERMINAL.id], { card: 'CARD0002', pin: '2718281' })
    await waitForSynced(h.db, [resident.id])
    const card = await h.db.credential.findFirstOrThrow({ where: { residentId: resident.id, kind: 'card' } })
    const tapCard = () => h.sim.attempt(TERMINAL.id, 'card_unlock', { cardNo: 'CARD0002' }).access
    expect(tapCard()).toMatchObject({ outcome: 'granted', person: { personId: resident.externalId } })

    await change(h.db, [resident.id], (tx) =>
      tx.credential.update({ where: { id: card.id }, data: { revokedAt: new Date(), uniqueKey: null } }),
    )
    await waitForSynced(h.db, [resident.id], 'card removal synced')
    expect(tapCard()).toEqual({ outcome: 'refused', reason: 'not_enrolled' })
    expect(deviceHolds(h, TERMINAL.id, resident.externalId)).toMatchObject({ cards: [], pins: ['2718281'] })
    expect(deviceHolds(h, TERMINAL.id, resident.externalId).faces).toHaveLength(1)

    await change(h.db, [resident.id], (tx) =>
      tx.resident.update({ where: { id: resident.id }, data: { status: 'suspended' } }),
    )
    await waitForSynced(h.db, [resident.id], 'suspension synced')
    expect(deviceHolds(h, TERMINAL.id, resident.externalId)).toEqual({
      person: undefined,
      faces: [],
      cards: [],
      pins: [],
    })
    expect(parseApplied((await rowsOf(h.db, resident.id))[0].applied).person).toBeUndefined()

    await change(h.db, [resident.id], (tx) =>
      tx.resident.update({ where: { id: resident.id }, data: { status: 'active', name: 'Renamed Resident' } }),
    )
    await waitForSynced(h.db, [resident.id], 'reactivation synced')
    const back = deviceHolds(h, TERMINAL.id, resident.externalId)
    expect(back.person?.name).toBe('Renamed Resident')
    expect(back).toMatchObject({ cards: [], pins: ['2718281'] })
    expect(back.faces).toHaveLength(1)
  })

  it('carries the resident window to the device as the person begin and end time', async () => {
    const resident = await enrolResident(h, [TERMINAL.id], { face: false })
    await waitForSynced(h.db, [resident.id])
    const [from, until] = [new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')]
    await change(h.db, [resident.id], (tx) =>
      tx.resident.update({ where: { id: resident.id }, data: { validFrom: from, validUntil: until } }),
    )
    await waitForSynced(h.db, [resident.id], 'window synced')
    expect(deviceHolds(h, TERMINAL.id, resident.externalId).person).toMatchObject({
      beginTime: from.getTime(),
      endTime: until.getTime(),
    })
  })

  it('gives a lock a member and the PIN as a temporary password, noting faces and cards without failing', async () => {
    const resident = await enrolResident(h, [LOCK.id], { card: 'CARD0003', pin: '3141592' })
    await waitForSynced(h.db, [resident.id])
    const lock = h.sim.state.devices.get(LOCK.id)!
    const [row] = await rowsOf(h.db, resident.id)
    const applied = parseApplied(row.applied)
    expect(row.errorCode).toBeNull()
    expect(applied.notes).toEqual([LOCK_FACE_CARD_NOTE])
    expect((await residentSync(h.db, resident.id)).items[0]).toMatchObject({
      state: 'synced',
      error: null,
      notes: [LOCK_FACE_CARD_NOTE],
    })
    expect(lock.members.find((m) => m.lockUserId === applied.member?.userId)?.nickName).toBe(resident.name)
    const [password] = Object.values(applied.passwords)
    const onLock = lock.tempPasswords.find((p) => String(p.id) === password.id)
    expect(onLock).toMatchObject({ password: '3141592', revoked: false, effectiveTime: password.from })
    expect(onLock!.invalidTime).toBeGreaterThan(onLock!.effectiveTime)
    expect(h.sim.attempt(LOCK.id, 'pin_unlock', { pin: '3141592' }).access).toMatchObject({ outcome: 'granted' })

    // Revoking the PIN revokes the temporary password; then no device holds it and its sealed value is wiped.
    const pin = await h.db.credential.findFirstOrThrow({ where: { residentId: resident.id, kind: 'pin' } })
    expect(unsealSecret(pin.secretSealed!, SECRET)).toBe('3141592')
    await change(h.db, [resident.id], (tx) =>
      tx.credential.update({ where: { id: pin.id }, data: { revokedAt: new Date() } }),
    )
    await waitForSynced(h.db, [resident.id], 'PIN revocation synced')
    expect(lock.tempPasswords.find((p) => String(p.id) === password.id)?.revoked).toBe(true)
    expect(h.sim.attempt(LOCK.id, 'pin_unlock', { pin: '3141592' }).access).toMatchObject({ outcome: 'refused' })
    expect((await h.db.credential.findUniqueOrThrow({ where: { id: pin.id } })).secretSealed).toBeNull()

    // Losing the door removes the member from the lock.
    await change(h.db, [resident.id], (tx) => tx.residentDeviceGrant.deleteMany({ where: { residentId: resident.id } }))
    await waitForSynced(h.db, [resident.id], 'grant removal synced')
    expect(lock.members.some((m) => m.lockUserId === applied.member?.userId)).toBe(false)
  })

  it('keeps a revoked PIN sealed while a device still holds it, and forgets it once removed everywhere', async () => {
    const resident = await enrolResident(h, [TERMINAL.id, DOOR_STATION.id], { face: false, pin: '5772156' })
    await waitForSynced(h.db, [resident.id])
    const pin = await h.db.credential.findFirstOrThrow({ where: { residentId: resident.id, kind: 'pin' } })
    // The door station is offline: it refuses the removal (2001), which cannot be confirmed yet.
    h.sim.trigger(DOOR_STATION.id, 'offline')
    try {
      await change(h.db, [resident.id], (tx) =>
        tx.credential.update({ where: { id: pin.id }, data: { revokedAt: new Date() } }),
      )
      await waitUntil(
        async () => (await rowsOf(h.db, resident.id)).some((r) => r.errorCode === '2001'),
        'the door station refusing',
      )
      await waitUntil(() => deviceHolds(h, TERMINAL.id, resident.externalId).pins.length === 0, 'terminal PIN removed')
      expect(deviceHolds(h, DOOR_STATION.id, resident.externalId).pins).toEqual(['5772156'])
      expect((await h.db.credential.findUniqueOrThrow({ where: { id: pin.id } })).secretSealed).not.toBeNull()
    } finally {
      h.sim.trigger(DOOR_STATION.id, 'online')
    }
    await h.db.deviceSync.updateMany({ where: { residentId: resident.id }, data: { nextAttemptAt: new Date() } })
    h.workers[0].wake()
    await waitForSynced(h.db, [resident.id], 'removal confirmed everywhere')
    expect(deviceHolds(h, DOOR_STATION.id, resident.externalId).pins).toEqual([])
    expect((await h.db.credential.findUniqueOrThrow({ where: { id: pin.id } })).secretSealed).toBeNull()
  })
})
