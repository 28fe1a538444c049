// Backpressure on the message-service path, against the simulator and real databases: with a tiny ingest queue,
// a burst makes the consumer stop reading its socket instead of being refused; every message is still stored
// exactly once and acked, and none is refused or negatively acknowledged (which would cost a redelivery).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'
import { configureIngestQueue } from '@/lib/ingest/ingest-writer'
import { createIngestingConsumer } from '@/lib/ingest/sources/mq-ingest-consumer'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const BURST = 120

describe.each(TEST_PROVIDERS)('message-service backpressure on %s', (provider) => {
  let test: TestDatabase
  let sim: RunningSimulator

  beforeEach(async () => {
    test = await createTestDatabase(provider)
    sim = await startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0 })
  })
  afterEach(async () => {
    await sim.close()
    await test.drop()
  })

  it(`a burst of ${BURST} against a queue of 5: reading pauses, nothing is refused, all stored once and acked`, async () => {
    configureIngestQueue(test.db, { maxMessages: 5 })
    const consumer = createIngestingConsumer(test.db, {
      wsBaseUrl: sim.mqUrl,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      env: 'event',
      maxBacklog: 16,
    })
    consumer.start()
    try {
      await sim.load({ count: BURST })

      await waitUntil(
        () => sim.deliveries().filter((m) => m.mq === 'acked').length === BURST,
        `all ${BURST} messages acked`,
        60_000,
      )
      const stats = consumer.stats()
      expect(stats.pauses).toBeGreaterThan(0)
      expect(stats.failed).toBe(0)
      expect(stats.acked).toBe(BURST)
      const ids = sim.deliveries().map((m) => m.sourceId)
      expect(await test.db.inboundMessage.count({ where: { sourceMessageId: { in: ids as string[] } } })).toBe(BURST)
      expect(sim.deliveries().every((m) => m.deliveryCount === 1)).toBe(true)
    } finally {
      await consumer.stop()
    }
  })
})
