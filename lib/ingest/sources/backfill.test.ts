// Reconciliation after downtime against the Tuya Cloud simulator and real databases: events the
// devices reported while no message consumer was connected are read back from the OpenAPI logs (access-control
// logs for face terminals, lock records for smart locks) and stored exactly once, flagged backfilled, with the
// resident resolved; what was already seen live is skipped by its source id; one failing device does not stop
// the others; nothing backfilled alerts a guard.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { backfillAll } from '@/lib/ingest/sources/backfill'
import { recordLiveEmissions, type RecordedEmission } from '@/lib/ingest/fixtures/recording-live-server'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { createTuyaClient, type TuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { seedDemoBuilding } from '@/prisma/seed-demo'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

/** The simulator's control API takes mutating calls as JSON only. */
const JSON_HEADERS = { 'content-type': 'application/json' }

const panel = DEMO_BUILDING.devices.find((d) => d.id === '6c92a754d55a80bc8ab7b9')!
const lock = DEMO_BUILDING.devices.find((d) => d.id === 'bf025e39451359bc0658pa')!
const SEAL_KEY = 'backfill-test-seal-key-0123456789abcdef'

type Expected = { message: EmittedMessage; method: string; result: 'granted' | 'denied'; residentId: string | null }

/** One access event on a device, with what the console should make of it. */
function accessTrigger(
  sim: RunningSimulator,
  deviceId: string,
  kind: 'face_unlock' | 'card_unlock' | 'pin_unlock' | 'unlock_failed',
  residentId: string | undefined,
  expected: Omit<Expected, 'message'>,
): Expected {
  const messages = sim.trigger(deviceId, kind, residentId)
  expect(messages).toHaveLength(1)
  return { message: messages[0], ...expected }
}

async function postFaults(sim: RunningSimulator, body: unknown): Promise<void> {
  const response = await fetch(`${sim.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.status).toBe(200)
}

async function watermarkOf(db: Db, tuyaId: string): Promise<string | undefined> {
  return (await db.keyValue.findUnique({ where: { key: `backfill:${tuyaId}` } }))?.value
}

async function inboundFor(db: Db, sourceId: string) {
  return db.inboundMessage.findMany({ where: { sourceMessageId: sourceId }, include: { accessEvents: true } })
}

/** Every live event that carries the backfilled flag, with the flag, for one assertion. */
function backfilledFlags(emitted: RecordedEmission[]) {
  return emitted.map((e) => ({ event: e.event, backfilled: e.payload.backfilled }))
}

describe.each(TEST_PROVIDERS)('backfill from the OpenAPI logs on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let sim: RunningSimulator
  let client: TuyaClient
  let clock = Date.now()
  /** Strictly increasing "now" for each run, so watermark moves are visible. */
  const nextNow = () => new Date((clock = Math.max(clock + 1_000, Date.now())))

  beforeAll(async () => {
    ;[testDb, sim] = await Promise.all([
      createTestDatabase(provider),
      startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0 }),
    ])
    db = testDb.db
    expect(await seedDemoBuilding(db, SEAL_KEY)).toBe(true)
    client = createTuyaClient({
      baseUrl: sim.url,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      retry: { maxRetries: 0 },
    })
  })

  afterEach(async () => {
    await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE', headers: JSON_HEADERS })
  })

  afterAll(async () => {
    await sim?.close()
    await testDb?.drop()
  })

  it('stores every missed event once, backfilled, with its resident; a second run stores nothing', async () => {
    // No consumer is connected: these only reach the console through the logs.
    const expected: Expected[] = [
      accessTrigger(sim, panel.id, 'face_unlock', 'res-alice-martin', {
        method: 'face',
        result: 'granted',
        residentId: 'res-alice-martin',
      }),
      accessTrigger(sim, panel.id, 'card_unlock', 'res-bruno-costa', {
        method: 'card',
        result: 'granted',
        residentId: 'res-bruno-costa',
      }),
      accessTrigger(sim, panel.id, 'pin_unlock', 'res-chen-wei', {
        method: 'password',
        result: 'granted',
        residentId: 'res-chen-wei',
      }),
      accessTrigger(sim, panel.id, 'unlock_failed', undefined, { method: 'face', result: 'denied', residentId: null }),
      // Lock records name a lock member, not a person: the resident comes from the credential slot.
      accessTrigger(sim, lock.id, 'face_unlock', 'res-alice-martin', {
        method: 'face',
        result: 'granted',
        residentId: 'res-alice-martin',
      }),
      accessTrigger(sim, lock.id, 'card_unlock', 'res-dara-okafor', {
        method: 'card',
        result: 'granted',
        residentId: 'res-dara-okafor',
      }),
      accessTrigger(sim, lock.id, 'pin_unlock', 'res-hugo-silva', {
        method: 'password',
        result: 'granted',
        residentId: 'res-hugo-silva',
      }),
      accessTrigger(sim, lock.id, 'unlock_failed', undefined, { method: 'face', result: 'denied', residentId: null }),
    ]
    // A ring while nobody was watching: history, never a ringing call on a guard's screen.
    const [ring] = sim.trigger(lock.id, 'doorbell')

    const live = recordLiveEmissions()
    try {
      const first = await backfillAll(db, client, nextNow())
      expect(first.failures).toEqual([])
      expect(first.stored).toBe(expected.length + 1)

      for (const { message, method, result, residentId } of expected) {
        const rows = await inboundFor(db, message.sourceId!)
        expect(rows, `${message.sourceId}`).toHaveLength(1)
        expect(rows[0].source).toBe('backfill')
        expect(rows[0].accessEvents).toHaveLength(1)
        expect(rows[0].accessEvents[0]).toMatchObject({
          backfilled: true,
          method,
          result,
          residentId,
          deviceTuyaId: message.devId,
        })
      }

      const ringRows = await inboundFor(db, ring.sourceId!)
      expect(ringRows).toHaveLength(1)
      const calls = await db.call.findMany({ where: { device: { tuyaId: lock.id } } })
      expect(calls).toHaveLength(1)
      // Replayed in the order it happened: the openings before the ring do not "open the door during" the call.
      // It is flagged backfilled, which the console never pops up or rings for (components/calls/call-panel.tsx).
      expect(calls[0]).toMatchObject({ backfilled: true, state: 'ringing', endedAt: null })
      expect(
        live.emitted.filter((e) => e.event === 'call.updated').map((e) => [e.payload.state, e.payload.backfilled]),
      ).toEqual([['ringing', true]])

      // The lock's wrong face is both a refused opening and an alarm; both are history.
      const alarms = await db.alarm.findMany({ where: { device: { tuyaId: lock.id } } })
      expect(alarms.length).toBeGreaterThan(0)
      expect(alarms.every((a) => a.backfilled)).toBe(true)

      expect(live.emitted.map((e) => e.event)).toEqual(
        expect.arrayContaining(['access.created', 'call.updated', 'alarm.created']),
      )
      expect(backfilledFlags(live.emitted).filter((e) => e.backfilled !== true)).toEqual([])
      expect(live.emitted.filter((e) => e.event === 'access.created')).toHaveLength(expected.length)

      const marks = { panel: await watermarkOf(db, panel.id), lock: await watermarkOf(db, lock.id) }
      expect(marks.panel).toBeDefined()
      expect(marks.lock).toBeDefined()

      live.emitted.length = 0
      const inboundBefore = await db.inboundMessage.count()
      const accessBefore = await db.accessEvent.count()
      const second = await backfillAll(db, client, nextNow())
      expect(second).toMatchObject({ stored: 0, failures: [] })
      expect(await db.inboundMessage.count()).toBe(inboundBefore)
      expect(await db.accessEvent.count()).toBe(accessBefore)
      expect(live.emitted).toEqual([])
      // The watermark moves on every successful run.
      expect(new Date((await watermarkOf(db, panel.id))!).getTime()).toBeGreaterThan(new Date(marks.panel!).getTime())
      expect(new Date((await watermarkOf(db, lock.id))!).getTime()).toBeGreaterThan(new Date(marks.lock!).getTime())
    } finally {
      live.stop()
    }
  })

  it('skips events that were ingested live first (same source id), and still stores the ones that were not', async () => {
    const seenLive = [
      ...sim.trigger(panel.id, 'face_unlock', 'res-dara-okafor'),
      ...sim.trigger(lock.id, 'face_unlock', 'res-chen-wei'),
    ]
    for (const message of seenLive) {
      const result = await ingestMessage(db, { source: 'mq', payload: message.payload, raw: message.payloadJson })
      expect(result.duplicate).toBe(false)
    }
    const [missed] = sim.trigger(panel.id, 'card_unlock', 'res-dara-okafor')

    const live = recordLiveEmissions()
    try {
      const run = await backfillAll(db, client, nextNow())
      expect(run).toMatchObject({ stored: 1, failures: [] })
      for (const message of seenLive) {
        const rows = await inboundFor(db, message.sourceId!)
        expect(rows).toHaveLength(1)
        expect(rows[0].source).toBe('mq')
        expect(rows[0].accessEvents).toHaveLength(1)
        expect(rows[0].accessEvents[0].backfilled).toBe(false)
      }
      const missedRows = await inboundFor(db, missed.sourceId!)
      expect(missedRows).toHaveLength(1)
      expect(missedRows[0].source).toBe('backfill')
      expect(missedRows[0].accessEvents[0]).toMatchObject({
        backfilled: true,
        method: 'card',
        residentId: 'res-dara-okafor',
      })
      // Only the missed one was broadcast, as history.
      expect(live.emitted.map((e) => [e.event, e.payload.id, e.payload.backfilled])).toEqual([
        ['access.created', missedRows[0].accessEvents[0].id, true],
      ])
    } finally {
      live.stop()
    }
  })

  it('reports a failing device in `failures` and still backfills the others; the failed one catches up later', async () => {
    const [panelEvent] = sim.trigger(panel.id, 'face_unlock', 'res-elena-petrova')
    const [lockEvent] = sim.trigger(lock.id, 'card_unlock', 'res-alice-martin')
    const lockMarkBefore = await watermarkOf(db, lock.id)
    await postFaults(sim, { errors5xx: { probability: 1, status: 500, path: `/v1.0/devices/${lock.id}/door-lock` } })

    const broken = await backfillAll(db, client, nextNow())
    expect(broken.failures).toHaveLength(1)
    expect(broken.failures[0]).toMatch(new RegExp(`^${lock.id}: `))
    expect(broken.stored).toBe(1)
    expect(await inboundFor(db, panelEvent.sourceId!)).toHaveLength(1)
    expect(await inboundFor(db, lockEvent.sourceId!)).toHaveLength(0)
    // The failed device's watermark stays put, so nothing in between is skipped next time.
    expect(await watermarkOf(db, lock.id)).toBe(lockMarkBefore)

    await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE', headers: JSON_HEADERS })
    const healed = await backfillAll(db, client, nextNow())
    expect(healed).toMatchObject({ stored: 1, failures: [] })
    const rows = await inboundFor(db, lockEvent.sourceId!)
    expect(rows).toHaveLength(1)
    expect(rows[0].accessEvents[0]).toMatchObject({ backfilled: true, method: 'card', residentId: 'res-alice-martin' })
  })
})
