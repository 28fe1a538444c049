// The door sync queue is durable and exclusive, against the simulator and real databases: a worker stopped
// mid-queue, and one that died holding a row, lose nothing (a new worker takes over once the lease runs out);
// two workers never push the same resident × device at once; a credential whose window opens later is pushed when
// it opens and removed when it closes (controllable clock); a change to a group's doors re-syncs every resident
// granted the group; an erasure ends with nothing of the resident on any device and the resident erased.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_PROVIDERS } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'
import {
  change,
  changeGroup,
  deviceHolds,
  DOOR_STATION,
  enrolResident,
  type Harness,
  LOCK,
  rowsOf,
  simControl,
  startHarness,
  TERMINAL,
  TERMINAL_B,
  waitForSynced,
} from '@/lib/sync/fixtures/sync-harness'
import type { SyncTuyaApi } from '@/lib/sync/push-deps'

describe.each(TEST_PROVIDERS)('door sync durability on %s', (provider) => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness(provider)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('loses no pending change when a worker stops mid-queue or dies holding a row', async () => {
    await simControl(h, 'POST', '/_sim/faults', { latencyMs: 25 })
    try {
      const first = h.startWorker({ concurrency: 2 })
      const residents = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          enrolResident(h, [TERMINAL_B.id], { card: `D0RAB1E${i}`, pin: `90210${i}` }),
        ),
      )
      const ids = residents.map((r) => r.id)
      await waitUntil(
        async () => (await h.db.deviceSync.count({ where: { residentId: { in: ids }, state: 'synced' } })) >= 1,
        'the first rows synced',
      )
      await first.stop()
      const afterStop = await h.db.deviceSync.findMany({ where: { residentId: { in: ids } } })
      expect(afterStop.filter((r) => r.state !== 'synced').length).toBeGreaterThan(0)
      expect(afterStop.every((r) => r.leaseOwner === null)).toBe(true) // a stopped worker lets go of its rows

      // A worker that died right after claiming a row: its lease must run out before anyone else pushes it.
      const orphan = afterStop.find((r) => r.state !== 'synced')!
      const leaseUntil = new Date(Date.now() + 400)
      await h.db.deviceSync.update({ where: { id: orphan.id }, data: { leaseOwner: 'dead-worker', leaseUntil } })

      h.startWorker({ concurrency: 2 })
      await waitForSynced(h.db, ids, 'every change synced by the new worker', 30_000)
      const orphanDone = await h.db.deviceSync.findUniqueOrThrow({ where: { id: orphan.id } })
      expect(orphanDone.updatedAt.getTime()).toBeGreaterThanOrEqual(leaseUntil.getTime())
      for (const r of residents) {
        const held = deviceHolds(h, TERMINAL_B.id, r.externalId)
        expect(held.person?.name).toBe(r.name)
        expect(held.faces).toHaveLength(1)
        expect(held.cards).toHaveLength(1)
        expect(held.pins).toHaveLength(1)
      }
    } finally {
      await simControl(h, 'DELETE', '/_sim/faults')
      await Promise.all(h.workers.splice(0).map((w) => w.stop()))
    }
  })

  it('never lets two workers push the same resident × device at once', async () => {
    const inFlight = new Set<string>()
    const overlaps: string[] = []
    const creations = new Map<string, number>()
    const watched =
      <A extends [string, string, ...unknown[]], R>(call: (...args: A) => Promise<R>, counts = false) =>
      async (...args: A): Promise<R> => {
        const key = `${args[0]}/${args[1]}`
        if (inFlight.has(key)) overlaps.push(key)
        inFlight.add(key)
        if (counts) creations.set(key, (creations.get(key) ?? 0) + 1)
        try {
          return await call(...args)
        } finally {
          inFlight.delete(key)
        }
      }
    const api: SyncTuyaApi = {
      ...h.client,
      addPerson: watched(h.client.addPerson, true),
      addFace: watched(h.client.addFace),
      addCard: watched(h.client.addCard),
      addPassword: watched(h.client.addPassword),
    }
    await simControl(h, 'POST', '/_sim/faults', { latencyMs: 15 })
    try {
      h.startWorker({ api, owner: 'worker-a', concurrency: 3 })
      h.startWorker({ api, owner: 'worker-b', concurrency: 3 })
      const residents = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          enrolResident(h, [TERMINAL.id, DOOR_STATION.id], {
            card: `1EA5E0${String(i).padStart(2, '0')}`,
            pin: `31337${i}`,
          }),
        ),
      )
      await waitForSynced(
        h.db,
        residents.map((r) => r.id),
        'every row synced by the two workers',
        30_000,
      )
      expect(overlaps).toEqual([])
      expect(creations.size).toBe(20)
      expect([...creations.values()].every((n) => n === 1)).toBe(true)
    } finally {
      await simControl(h, 'DELETE', '/_sim/faults')
      await Promise.all(h.workers.splice(0).map((w) => w.stop()))
    }
  })

  it('pushes a credential when its window opens and removes it when it closes', async () => {
    // The worker's clock runs with real time plus an offset the test moves forward.
    let offsetMs = 0
    const clock = () => new Date(Date.now() + offsetMs)
    const worker = h.startWorker({ now: clock })
    try {
      const resident = await enrolResident(h, [TERMINAL.id], { face: false })
      const opens = new Date(Date.now() + 3600_000)
      const closes = new Date(Date.now() + 2 * 3600_000)
      await change(h.db, [resident.id], (tx) =>
        tx.credential.create({
          data: { residentId: resident.id, kind: 'card', value: 'F0707E01', validFrom: opens, validUntil: closes },
        }),
      )
      await waitForSynced(h.db, [resident.id])
      expect(deviceHolds(h, TERMINAL.id, resident.externalId)).toMatchObject({ cards: [] })
      expect((await rowsOf(h.db, resident.id))[0].nextAttemptAt?.getTime()).toBe(opens.getTime())

      offsetMs = opens.getTime() - Date.now() + 1000
      worker.wake()
      await waitUntil(() => deviceHolds(h, TERMINAL.id, resident.externalId).cards.length === 1, 'card pushed on time')
      // The row is synced again, now due at the window's end.
      await waitUntil(
        async () => (await rowsOf(h.db, resident.id))[0].nextAttemptAt?.getTime() === closes.getTime(),
        'the next edge recorded',
      )
      expect((await rowsOf(h.db, resident.id))[0].state).toBe('synced')

      offsetMs = closes.getTime() - Date.now() + 1000
      worker.wake()
      await waitUntil(() => deviceHolds(h, TERMINAL.id, resident.externalId).cards.length === 0, 'card removed on time')
      expect(deviceHolds(h, TERMINAL.id, resident.externalId).person).toBeDefined()
    } finally {
      await Promise.all(h.workers.splice(0).map((w) => w.stop()))
    }
  })

  it('re-syncs every resident granted a group when its doors change', async () => {
    h.startWorker()
    try {
      const group = await h.db.deviceGroup.create({
        data: { name: `Lobbies ${provider}`, members: { create: [{ deviceId: h.deviceIds[TERMINAL.id] }] } },
      })
      const residents = await Promise.all(
        [1, 2].map(async (i) => {
          const r = await enrolResident(h, [], { card: `6A0B000${i}` })
          await change(h.db, [r.id], (tx) =>
            tx.residentGroupGrant.create({ data: { residentId: r.id, groupId: group.id } }),
          )
          return r
        }),
      )
      const ids = residents.map((r) => r.id)
      await waitForSynced(h.db, ids)
      for (const r of residents) expect(deviceHolds(h, TERMINAL.id, r.externalId).person).toBeDefined()

      await changeGroup(h.db, group.id, async (tx) => {
        await tx.deviceGroupMember.deleteMany({ where: { groupId: group.id } })
        await tx.deviceGroupMember.create({ data: { groupId: group.id, deviceId: h.deviceIds[DOOR_STATION.id] } })
      })
      await waitForSynced(h.db, ids, 'group change synced')
      for (const r of residents) {
        expect(deviceHolds(h, TERMINAL.id, r.externalId).person).toBeUndefined()
        expect(deviceHolds(h, DOOR_STATION.id, r.externalId).cards).toHaveLength(1)
      }
    } finally {
      await Promise.all(h.workers.splice(0).map((w) => w.stop()))
    }
  })

  it('finishes an erasure once no device holds anything of the resident', async () => {
    h.startWorker()
    const live = recordLiveEmissions()
    try {
      const resident = await enrolResident(h, [TERMINAL.id, LOCK.id], { card: 'E2A5E001', pin: '6626070' })
      await waitForSynced(h.db, [resident.id])
      const lock = h.sim.state.devices.get(LOCK.id)!
      const memberCount = lock.members.length

      // What the erasure request does (the register's DELETE): blank the person, drop the photos, mark erasing.
      await change(h.db, [resident.id], async (tx) => {
        await tx.resident.update({ where: { id: resident.id }, data: { status: 'erasing', name: 'Erased resident' } })
        await tx.credential.updateMany({ where: { residentId: resident.id }, data: { photoId: null, value: null } })
      })
      await waitUntil(
        async () => (await h.db.resident.findUniqueOrThrow({ where: { id: resident.id } })).status === 'erased',
        'the erasure finished',
      )
      const erased = await h.db.resident.findUniqueOrThrow({ where: { id: resident.id } })
      expect(erased.erasedAt).not.toBeNull()
      for (const device of [TERMINAL.id, DOOR_STATION.id, TERMINAL_B.id]) {
        expect(deviceHolds(h, device, resident.externalId).person).toBeUndefined()
      }
      expect(lock.members).toHaveLength(memberCount - 1)
      expect(lock.tempPasswords.filter((p) => p.password === '6626070').every((p) => p.revoked)).toBe(true)
      const credentials = await h.db.credential.findMany({ where: { residentId: resident.id } })
      expect(credentials.every((c) => c.secretSealed === null)).toBe(true)
      const audit = await h.db.auditLog.findFirstOrThrow({
        where: { action: 'resident.erased', targetId: resident.id },
      })
      expect(JSON.parse(audit.details!)).toEqual({ devices: 2, secretsWiped: 1 })
      const last = live.emitted.filter((e) => e.event === 'resident.updated' && e.payload.id === resident.id).at(-1)
      expect(last?.payload).toMatchObject({ status: 'erased' })

      // Nothing was ever pushed for this one: the erasure finishes without a device.
      const nowhere = await enrolResident(h, [], { face: false })
      await change(h.db, [nowhere.id], (tx) =>
        tx.resident.update({ where: { id: nowhere.id }, data: { status: 'erasing' } }),
      )
      await waitUntil(
        async () => (await h.db.resident.findUniqueOrThrow({ where: { id: nowhere.id } })).status === 'erased',
        'the device-less erasure finished',
      )
    } finally {
      live.stop()
      await Promise.all(h.workers.splice(0).map((w) => w.stop()))
    }
  })
})
