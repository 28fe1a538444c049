// The message-service path end to end against the Tuya Cloud simulator and real databases, wired exactly as the
// running app wires it (createIngestingConsumer, used by lib/server/start-tuya-sources.ts):
// - the same messages pushed by both the webhook and the message service are stored once;
// - a message stored but not acked (the process died in between) is redelivered, found, acked, not re-broadcast;
// - while the database is down nothing is acked (the simulator keeps redelivering); after recovery every message
//   is stored exactly once.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { createDatabaseOutage, type DatabaseOutage } from '@/lib/db/test-outage'
import type { Db } from '@/lib/db/client'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'
import { handleTuyaWebhook } from '@/lib/ingest/sources/handle-webhook'
import { createIngestingConsumer, ingestMqMessage } from '@/lib/ingest/sources/mq-ingest-consumer'
import type { MessageConsumer } from '@/lib/tuya/message-service/mq-consumer'
import { decodeConsumerFrame } from '@/lib/tuya/message-service/mq-frames'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'
import { connectRawConsumer } from '@/simulator/testing/raw-consumer'

const panel = DEMO_BUILDING.devices.find((d) => d.category === 'mk')!
const doorStation = DEMO_BUILDING.devices.find((d) => d.category === 'sp')!
const lock = DEMO_BUILDING.devices.find((d) => d.category === 'jtmspro')!

type DeliveriesView = {
  total: number
  counts: Record<'pending' | 'delivered' | 'acked' | 'expired', number>
  items: {
    messageId: string
    sourceId: string | null
    mq: string
    deliveryCount: number
    ackedAt?: number | null
    webhook: { state: string } | null
  }[]
}

/** What the simulator's control API reports, as an operator (or the kill test) would read it. */
async function fetchDeliveries(sim: RunningSimulator): Promise<DeliveriesView> {
  const response = await fetch(`${sim.url}/_sim/deliveries`)
  return (await response.json()) as DeliveriesView
}

/** A mixed burst: face and card openings, a ring at the door station, a lock card opening, a tamper alarm. */
function triggerMixedTraffic(sim: RunningSimulator): EmittedMessage[] {
  return [
    ...sim.trigger(panel.id, 'face_unlock', 'res-alice-martin'),
    ...sim.trigger(panel.id, 'card_unlock'),
    ...sim.trigger(doorStation.id, 'doorbell'),
    ...sim.trigger(lock.id, 'card_unlock'),
    ...sim.trigger(panel.id, 'tamper'),
  ]
}

/** Serves handleTuyaWebhook on a real HTTP port, for the simulator's webhook pusher. */
async function startWebhookReceiver(
  db: Db,
  sim: RunningSimulator,
): Promise<{ url: string; statuses: number[]; server: Server }> {
  const statuses: number[] = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
    const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
    })
    const response = await handleTuyaWebhook(db, request, { accessId: sim.accessId, accessSecret: sim.accessSecret })
    statuses.push(response.status)
    res.writeHead(response.status, { 'content-type': 'application/json' })
    res.end(await response.text())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/tuya`, statuses, server }
}

describe.each(TEST_PROVIDERS)('message-service ingest on %s', (provider) => {
  let test: TestDatabase
  let sim: RunningSimulator
  const cleanups: (() => Promise<void> | void)[] = []

  beforeEach(async () => {
    test = await createTestDatabase(provider)
    sim = await startSimulator({ port: 0 })
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    await sim.close()
    await test.drop()
  })

  function startConsumer(db: Db, options: { ackTimeoutMillis?: number; negativeAck?: boolean } = {}): MessageConsumer {
    const consumer = createIngestingConsumer(db, {
      wsBaseUrl: sim.mqUrl,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      env: 'event',
      reconnectBaseMs: 50,
      ...options,
    })
    consumer.start()
    cleanups.push(() => consumer.stop())
    return consumer
  }

  it('the same messages pushed by webhook and by the message service are stored once each', async () => {
    const receiver = await startWebhookReceiver(test.db, sim)
    cleanups.push(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())))
    sim.setWebhookUrl(receiver.url)
    startConsumer(test.db)

    const emitted = triggerMixedTraffic(sim)

    await waitUntil(
      () => sim.deliveries().every((m) => m.mq === 'acked' && m.webhook?.state === 'delivered'),
      'every message acked on the message service and delivered to the webhook',
      30_000,
    )
    expect(receiver.statuses).toEqual(emitted.map(() => 200))
    const stored = await test.db.inboundMessage.findMany({ select: { sourceMessageId: true, source: true } })
    expect(stored).toHaveLength(emitted.length)
    expect(new Set(stored.map((m) => m.sourceMessageId))).toEqual(new Set(emitted.map((m) => m.sourceId)))
    // face + card on the panel, card on the lock: three openings, each once.
    expect(await test.db.accessEvent.count()).toBe(3)
    expect(await test.db.alarm.count()).toBe(1)
    expect((await test.db.alarm.findFirstOrThrow()).count).toBe(1)
  }, 90_000)

  it('a message stored but never acked (the consumer died) is redelivered, acked, stored once and not broadcast again', async () => {
    // The first consumer stores what it receives, then dies before acking: like a process killed after commit.
    const dying = await connectRawConsumer({ mqUrl: sim.mqUrl, accessId: sim.accessId, accessSecret: sim.accessSecret })
    const live = recordLiveEmissions()
    cleanups.push(() => live.stop())
    const emitted = sim.trigger(panel.id, 'face_unlock', 'res-alice-martin')
    await waitUntil(() => dying.frames.length === emitted.length, 'the first delivery', 30_000)
    for (const frame of dying.frames) {
      const decoded = decodeConsumerFrame(JSON.stringify(frame), sim.accessSecret)
      if (decoded.kind !== 'message') throw new Error(`undecodable frame: ${decoded.frame.reason}`)
      expect((await ingestMqMessage(test.db, decoded.message)).duplicate).toBe(false)
    }
    dying.kill()
    const accessEvent = await test.db.accessEvent.findFirstOrThrow()
    expect(live.emitted.filter((e) => e.event === 'access.created').map((e) => e.payload.id)).toEqual([accessEvent.id])

    const consumer = startConsumer(test.db)

    await waitUntil(() => sim.deliveries().every((m) => m.mq === 'acked'), 'the redelivery to be acked', 30_000)
    expect(sim.deliveries().map((m) => m.deliveryCount)).toEqual(emitted.map(() => 2))
    expect(consumer.stats()).toMatchObject({ acked: emitted.length, failed: 0 })
    expect(await test.db.inboundMessage.count()).toBe(emitted.length)
    expect(await test.db.accessEvent.count()).toBe(1)
    expect(await test.db.liveEvent.count({ where: { event: 'access.created' } })).toBe(1)
    expect(live.emitted.filter((e) => e.event === 'access.created')).toHaveLength(1)
  }, 90_000)

  describe('while the database is down', () => {
    let outage: DatabaseOutage

    beforeEach(async () => {
      outage = await createDatabaseOutage(test)
      cleanups.push(() => outage.close())
    })

    it('nothing is acked and the simulator keeps redelivering; after recovery every message is stored exactly once', async () => {
      await outage.begin()
      // A short ack timeout makes the simulator resend unacked messages promptly (Tuya: "every few seconds").
      const consumer = startConsumer(outage.db, { ackTimeoutMillis: 300, negativeAck: false })
      const emitted = triggerMixedTraffic(sim)

      await waitUntil(
        async () =>
          consumer.stats().failed >= emitted.length * 2 &&
          (await fetchDeliveries(sim)).items.every((m) => m.deliveryCount >= 2),
        'every message delivered, refused and delivered again',
        30_000,
      )
      const duringOutage = await fetchDeliveries(sim)
      expect(duringOutage.total).toBe(emitted.length)
      expect(duringOutage.counts.acked).toBe(0)
      expect(duringOutage.items.every((m) => m.mq !== 'acked' && !m.ackedAt)).toBe(true)
      expect(consumer.stats().acked).toBe(0)
      expect(consumer.stats().failed).toBeGreaterThanOrEqual(emitted.length * 2)
      expect(await test.db.inboundMessage.count()).toBe(0)

      await outage.end()

      await waitUntil(
        async () => (await fetchDeliveries(sim)).counts.acked === emitted.length,
        'every message acked after recovery',
      )
      const stored = await test.db.inboundMessage.findMany({
        select: { sourceMessageId: true, source: true, outcome: true },
      })
      expect(stored).toHaveLength(emitted.length)
      expect(new Set(stored.map((m) => m.sourceMessageId))).toEqual(new Set(emitted.map((m) => m.sourceId)))
      expect(stored.every((m) => m.source === 'mq' && m.outcome !== 'unrecognised')).toBe(true)
      expect(await test.db.accessEvent.count()).toBe(3)
      expect(await test.db.alarm.count()).toBe(1)
    })
  }, 90_000)
})
