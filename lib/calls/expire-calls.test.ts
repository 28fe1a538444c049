// Unanswered calls become missed after the ring timeout (lib/calls/expire-calls.ts), on real
// databases: the end is stamped at startedAt + 30 s (not at sweep time), the transition is recorded as a CallEvent
// and broadcast once, repeated or concurrent sweeps (several app instances) change a call once, and calls that
// are answered, finished or still within their ring time are left alone. `now` is passed explicitly: no waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expireRingingCalls } from '@/lib/calls/expire-calls'
import { CALL_RING_TIMEOUT_MS } from '@/lib/calls/call-state-machine'
import type { Db } from '@/lib/db/client'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { recordLiveEmissions, type RecordedEmission } from '@/lib/ingest/fixtures/recording-live-server'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const panel = DEMO_BUILDING.devices.find((d) => d.category === 'mk')!

async function sweep(db: Db, now: Date): Promise<{ expired: number; emitted: RecordedEmission[] }> {
  const live = recordLiveEmissions()
  try {
    return { expired: await expireRingingCalls(db, now), emitted: live.emitted }
  } finally {
    live.stop()
  }
}

describe.each(TEST_PROVIDERS)('expireRingingCalls on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let sim: RunningSimulator
  let deviceId: string
  const now = new Date()
  const ago = (ms: number) => new Date(now.getTime() - ms)

  async function createCall(state: string, startedAt: Date, extra: { endedAt?: Date; answeredAt?: Date } = {}) {
    return db.call.create({
      data: { deviceId, state, startedAt, lastSignalAt: extra.answeredAt ?? startedAt, ...extra },
    })
  }

  beforeAll(async () => {
    ;[testDb, sim] = await Promise.all([
      createTestDatabase(provider),
      startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0 }),
    ])
    db = testDb.db
    deviceId = (
      await db.device.create({ data: { tuyaId: `expire-${provider}`, name: 'Side gate', category: 'door_station' } })
    ).id
  })

  afterAll(async () => {
    await sim?.close()
    await testDb?.drop()
  })

  it('marks a ringing call older than 30 s missed at startedAt + 30 s, records it and broadcasts it once', async () => {
    const startedAt = ago(45_000)
    const call = await createCall('ringing', startedAt)

    const first = await sweep(db, now)
    expect(first.expired).toBe(1)
    const endedAt = new Date(startedAt.getTime() + CALL_RING_TIMEOUT_MS)
    expect(await db.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({
      state: 'missed',
      endedAt,
      lastSignalAt: endedAt,
      startedAt,
    })
    const history = await db.callEvent.findMany({ where: { callId: call.id } })
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({
      signal: 'missed',
      fromState: 'ringing',
      toState: 'missed',
      at: endedAt,
      userId: null,
    })
    expect(first.emitted).toHaveLength(1)
    expect(first.emitted[0]).toMatchObject({
      event: 'call.updated',
      payload: { id: call.id, state: 'missed', endedAt: endedAt.toISOString(), deviceName: 'Side gate' },
    })
    expect(first.emitted[0].rooms.sort()).toEqual(['role:admin', 'role:guard'])

    const again = await sweep(db, new Date(now.getTime() + 60_000))
    expect(again).toEqual({ expired: 0, emitted: [] })
    expect(await db.callEvent.count({ where: { callId: call.id } })).toBe(1)
  })

  it('leaves the call ringing, with no history and no broadcast, when the outbox write fails mid-change', async () => {
    const call = await createCall('ringing', ago(40_000))
    const restore = await failInsertsInto(db, provider, 'LiveEvent')
    try {
      const live = recordLiveEmissions()
      // (Prisma words the trigger's abort differently per provider; any error will do.)
      await expect(expireRingingCalls(db, now)).rejects.toThrow()
      live.stop()
      expect(live.emitted).toEqual([])
    } finally {
      await restore()
    }
    expect(await db.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({
      state: 'ringing',
      endedAt: null,
    })
    expect(await db.callEvent.count({ where: { callId: call.id } })).toBe(0)
    // The next sweep, with the database healthy again, finishes the job.
    expect((await sweep(db, now)).expired).toBe(1)
  })

  it('changes each call once when several sweeps run at the same time', async () => {
    const calls = await Promise.all(Array.from({ length: 5 }, (_, i) => createCall('ringing', ago(31_000 + i * 1_000))))
    const runs = await Promise.all([sweep(db, now), sweep(db, now), sweep(db, now)])
    expect(runs.reduce((sum, r) => sum + r.expired, 0)).toBe(calls.length)

    // Each sweep registers its own recorder on the one global slot, so count broadcasts through the outbox.
    for (const call of calls) {
      expect(await db.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({
        state: 'missed',
        endedAt: new Date(call.startedAt.getTime() + CALL_RING_TIMEOUT_MS),
      })
      expect(await db.callEvent.count({ where: { callId: call.id } })).toBe(1)
      const outbox = await db.liveEvent.findMany({ where: { event: 'call.updated', payload: { contains: call.id } } })
      expect(outbox).toHaveLength(1)
    }
  })

  it('leaves answered, finished and still-ringing-within-30-s calls alone; exactly 30 s is expired', async () => {
    const answered = await createCall('answered', ago(5 * 60_000), { answeredAt: ago(5 * 60_000 - 5_000) })
    const declined = await createCall('declined', ago(5 * 60_000), { endedAt: ago(5 * 60_000 - 3_000) })
    const young = await createCall('ringing', ago(CALL_RING_TIMEOUT_MS - 1))
    const boundary = await createCall('ringing', ago(CALL_RING_TIMEOUT_MS))
    const before = await db.call.findMany({
      where: { id: { in: [answered.id, declined.id, young.id] } },
      orderBy: { id: 'asc' },
    })

    const run = await sweep(db, now)
    expect(run.expired).toBe(1)
    expect(run.emitted.map((e) => e.payload.id)).toEqual([boundary.id])
    expect(await db.call.findUniqueOrThrow({ where: { id: boundary.id } })).toMatchObject({
      state: 'missed',
      endedAt: now,
    })
    expect(
      await db.call.findMany({ where: { id: { in: [answered.id, declined.id, young.id] } }, orderBy: { id: 'asc' } }),
    ).toEqual(before)
    expect(await db.callEvent.count({ where: { callId: { in: [answered.id, declined.id, young.id] } } })).toBe(0)
    // The sweep is global: do not leave a ringing call behind for the next test's clock.
    await db.call.delete({ where: { id: young.id } })
  })

  it('expires a call rung at a face terminal through ingest (simulator doorbell), once', async () => {
    const messages = sim.trigger(panel.id, 'doorbell')
    for (const message of messages)
      await ingestMessage(db, { source: 'mq', payload: message.payload, raw: message.payloadJson })
    const ringing = await db.call.findMany({ where: { device: { tuyaId: panel.id }, state: 'ringing' } })
    expect(ringing).toHaveLength(1)
    const call = ringing[0]
    const historyBefore = await db.callEvent.count({ where: { callId: call.id } })

    // Still within its ring time: nothing happens.
    expect((await sweep(db, new Date(call.startedAt.getTime() + 10_000))).expired).toBe(0)
    const late = new Date(call.startedAt.getTime() + CALL_RING_TIMEOUT_MS + 5_000)
    const run = await sweep(db, late)
    expect(run.expired).toBe(1)
    expect(run.emitted.map((e) => [e.event, e.payload.id, e.payload.state, e.payload.backfilled])).toEqual([
      ['call.updated', call.id, 'missed', false],
    ])
    expect(await db.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({
      state: 'missed',
      endedAt: new Date(call.startedAt.getTime() + CALL_RING_TIMEOUT_MS),
    })
    expect(await db.callEvent.count({ where: { callId: call.id } })).toBe(historyBefore + 1)
    expect((await sweep(db, late)).expired).toBe(0)
  })
})
