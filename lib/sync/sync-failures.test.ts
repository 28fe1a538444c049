// How the door sync fails and recovers, against the simulator: a device answering a Tuya error code shows failed
// with that code and message (audited once, broadcast), waits for an operator when retrying cannot help, and a
// manual retry after the fault clears reaches synced; Tuya 5xx (on one device or all) and 1110 rate limits back off
// and complete on their own; an expired token mid-queue loses nothing; a device refusing writes while offline is
// retried as soon as it is seen online again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import { TEST_PROVIDERS } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'
import {
  change,
  DOOR_STATION,
  enrolResident,
  type Harness,
  rowsOf,
  simControl,
  startHarness,
  TERMINAL,
  TERMINAL_B,
  waitForSynced,
} from '@/lib/sync/fixtures/sync-harness'
import { retryResidentSync } from '@/lib/sync/mutations'
import { createUser } from '@/lib/users/mutations'

describe.each(TEST_PROVIDERS)('door sync failures on %s', (provider) => {
  let h: Harness
  let admin: Actor

  beforeAll(async () => {
    h = await startHarness(provider)
    h.startWorker()
    const user = await createUser(h.db, {
      email: `sync-admin-${provider}@example.test`,
      password: 'long-enough-password',
      role: 'admin',
    })
    admin = { userId: user.id, email: user.email, name: user.name, role: 'admin', via: 'session' }
  })
  afterAll(async () => {
    await h?.close()
  })

  it('shows a Tuya error code as failed, waits for an operator, and a manual retry succeeds once it clears', async () => {
    const live = recordLiveEmissions()
    // The device answers every write with a code waiting does not fix (1106 "permission deny").
    await simControl(h, 'POST', '/_sim/faults', {
      deviceErrors: [{ deviceId: TERMINAL_B.id, code: 1106, message: 'permission deny' }],
    })
    try {
      const resident = await enrolResident(h, [TERMINAL_B.id], { card: 'FA11ED01' })
      await waitUntil(async () => (await rowsOf(h.db, resident.id))[0]?.state === 'failed', 'row failed')
      const [row] = await rowsOf(h.db, resident.id)
      expect(row).toMatchObject({
        errorCode: '1106',
        errorMessage: 'permission deny',
        attempts: 1,
        nextAttemptAt: null,
      })
      const failedEvent = live.emitted.find((e) => e.event === 'sync.updated' && e.payload.id === row.id)
      expect(failedEvent?.payload).toMatchObject({
        state: 'failed',
        error: { code: '1106', message: 'permission deny' },
      })
      const audits = await h.db.auditLog.findMany({ where: { action: 'sync.failed', targetId: resident.id } })
      expect(audits).toHaveLength(1)
      expect(audits[0].actorLabel).toBe('system:door-sync')

      await simControl(h, 'DELETE', '/_sim/faults')
      const answer = await retryResidentSync(h.db, admin, resident.id, {}, { ip: '192.0.2.7' })
      expect(answer.items.map((i) => [i.state, i.error])).toEqual([['pending', null]])
      await waitForSynced(h.db, [resident.id], 'synced after the manual retry')
      expect(h.sim.state.devices.get(TERMINAL_B.id)!.cards.get('FA11ED01')?.personId).toBe(resident.externalId)
      const retried = await h.db.auditLog.findFirstOrThrow({ where: { action: 'sync.retried', targetId: resident.id } })
      expect(retried).toMatchObject({ actorId: admin.userId, ip: '192.0.2.7' })
      expect(JSON.parse(retried.details!)).toEqual({ deviceId: null, rows: 1 })
    } finally {
      await simControl(h, 'DELETE', '/_sim/faults')
      live.stop()
    }
  })

  it('retries a failing device path on its own when Tuya answers 5xx only there', async () => {
    await simControl(h, 'POST', '/_sim/faults', {
      errors5xx: { count: 2, status: 502, path: `/v1.0/access-control/${TERMINAL_B.id}` },
    })
    try {
      const resident = await enrolResident(h, [TERMINAL_B.id, DOOR_STATION.id], { face: false, card: '5XX00001' })
      await waitForSynced(h.db, [resident.id], 'synced after the device-specific 5xx')
      const failures = await h.db.auditLog.findMany({ where: { action: 'sync.failed', targetId: resident.id } })
      expect(failures.map((a) => JSON.parse(a.details!).deviceId)).toEqual([h.deviceIds[TERMINAL_B.id]])
    } finally {
      await simControl(h, 'DELETE', '/_sim/faults')
    }
  })

  it('a manual retry names one device, refuses an unknown one, and leaves synced rows alone', async () => {
    const resident = await enrolResident(h, [TERMINAL.id], { face: false })
    await waitForSynced(h.db, [resident.id])
    await expect(retryResidentSync(h.db, admin, resident.id, { deviceId: 'nope' }, {})).rejects.toMatchObject({
      status: 404,
    })
    await expect(retryResidentSync(h.db, admin, resident.id, { deviceId: 7 }, {})).rejects.toThrow()
    await expect(retryResidentSync(h.db, admin, 'no-such-resident', {}, {})).rejects.toMatchObject({ status: 404 })
    const answer = await retryResidentSync(h.db, admin, resident.id, { deviceId: h.deviceIds[TERMINAL.id] }, {})
    expect(answer.items.map((i) => i.state)).toEqual(['synced'])
  })

  it('retries a card another person still holds on the device until their removal is pushed', async () => {
    const previous = await enrolResident(h, [TERMINAL.id], { face: false, card: 'C0DE0001' })
    await waitForSynced(h.db, [previous.id])
    // The previous holder's removal is held up (a worker died holding the row), so the new holder goes first.
    const [held] = await rowsOf(h.db, previous.id)
    const next = await enrolResident(h, [], { face: false })
    await change(h.db, [previous.id, next.id], async (tx) => {
      await tx.deviceSync.update({
        where: { id: held.id },
        data: { leaseOwner: 'dead-worker', leaseUntil: new Date(Date.now() + 600) },
      })
      await tx.credential.updateMany({
        where: { residentId: previous.id, kind: 'card' },
        data: { revokedAt: new Date() },
      })
      await tx.credential.create({ data: { residentId: next.id, kind: 'card', value: 'C0DE0001' } })
      await tx.residentDeviceGrant.create({ data: { residentId: next.id, deviceId: h.deviceIds[TERMINAL.id] } })
    })
    await waitForSynced(h.db, [previous.id, next.id], 'the card moved to its new holder')
    expect(h.sim.state.devices.get(TERMINAL.id)!.cards.get('C0DE0001')?.personId).toBe(next.externalId)
    const failure = await h.db.auditLog.findFirstOrThrow({ where: { action: 'sync.failed', targetId: next.id } })
    expect(JSON.parse(failure.details!)).toMatchObject({ code: '1109' })
  })

  it('retries Tuya 5xx answers with backoff until the device has everything', async () => {
    await simControl(h, 'POST', '/_sim/faults', {
      errors5xx: { count: 3, status: 503, path: '/v1.0/access-control' },
    })
    try {
      const resident = await enrolResident(h, [DOOR_STATION.id], { card: 'B5000001' })
      await waitForSynced(h.db, [resident.id], 'synced after the 5xx burst')
      const audits = await h.db.auditLog.findMany({ where: { action: 'sync.failed', targetId: resident.id } })
      expect(audits.length).toBeGreaterThan(0)
      expect(JSON.parse(audits[0].details!)).toMatchObject({ code: '500' })
      expect(h.sim.state.devices.get(DOOR_STATION.id)!.cards.get('B5000001')).toBeDefined()
    } finally {
      await simControl(h, 'DELETE', '/_sim/faults')
    }
  })

  it('backs off on 1110 rate limits and completes a burst of residents', async () => {
    await simControl(h, 'POST', '/_sim/faults', {
      rateLimit: { path: '/v1.0/access-control', perSecond: 1, code: 1110 },
    })
    try {
      const residents = await Promise.all(
        Array.from({ length: 4 }, (_, i) => enrolResident(h, [TERMINAL.id], { card: `RATE000${i}` })),
      )
      await waitForSynced(
        h.db,
        residents.map((r) => r.id),
        'burst synced',
        30_000,
      )
      const codes = await h.db.auditLog.findMany({ where: { action: 'sync.failed' }, select: { details: true } })
      expect(codes.some((a) => JSON.parse(a.details!).code === '1110')).toBe(true)
      for (const r of residents) expect(h.sim.state.devices.get(TERMINAL.id)!.persons.has(r.externalId)).toBe(true)
    } finally {
      await simControl(h, 'DELETE', '/_sim/faults')
    }
  })

  it('loses nothing when the access token expires mid-queue', async () => {
    await simControl(h, 'POST', '/_sim/faults', { latencyMs: 30 })
    try {
      const residents = await Promise.all(
        Array.from({ length: 5 }, (_, i) => enrolResident(h, [TERMINAL.id, DOOR_STATION.id], { card: `T0KEN00${i}` })),
      )
      const ids = residents.map((r) => r.id)
      await waitUntil(
        async () => (await h.db.deviceSync.count({ where: { residentId: { in: ids }, state: 'synced' } })) >= 2,
        'the queue under way',
      )
      await simControl(h, 'POST', '/_sim/faults', { expireTokens: true, latencyMs: 30 })
      await waitForSynced(h.db, ids, 'the whole queue synced', 30_000)
      const rows = await h.db.deviceSync.findMany({ where: { residentId: { in: ids } } })
      expect(rows.every((r) => r.attempts === 0 && r.errorCode === null)).toBe(true)
      expect(await h.db.auditLog.count({ where: { action: 'sync.failed', targetId: { in: ids } } })).toBe(0)
      for (const r of residents) expect(h.sim.state.devices.get(DOOR_STATION.id)!.persons.has(r.externalId)).toBe(true)
    } finally {
      await simControl(h, 'DELETE', '/_sim/faults')
    }
  })
})

describe.each(TEST_PROVIDERS)('a device coming back online on %s', (provider) => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness(provider)
    // A long backoff: only the device coming back explains a prompt retry.
    h.startWorker({ backoff: { baseMs: 10 * 60_000, maxMs: 10 * 60_000 } })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('backs off while the device refuses writes offline (2001) and retries at once when it is seen online', async () => {
    const deviceId = h.deviceIds[TERMINAL.id]
    h.sim.trigger(TERMINAL.id, 'offline')
    await h.db.device.update({ where: { id: deviceId }, data: { online: false } }) // as ingest records it
    const resident = await enrolResident(h, [TERMINAL.id], { card: '0FF11E01' })
    await waitUntil(async () => (await rowsOf(h.db, resident.id))[0]?.state === 'failed', 'row failed offline')
    const [row] = await rowsOf(h.db, resident.id)
    expect(row).toMatchObject({ errorCode: '2001', errorMessage: 'device is offline' })
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 60_000)

    h.sim.trigger(TERMINAL.id, 'online')
    await h.db.device.update({ where: { id: deviceId }, data: { online: true } })
    await waitForSynced(h.db, [resident.id], 'synced once the device is back')
    expect(h.sim.state.devices.get(TERMINAL.id)!.cards.get('0FF11E01')).toBeDefined()
  })
})
