// Backpressure on the one ingest path: the queue in front of the group-commit writer is bounded. A message offered
// to a full queue is refused at once (the webhook answers 503 + Retry-After), never taken and then dropped; what
// was taken is stored; once the queue drains, the same message is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import {
  signedWebhookRequest,
  uniqueId,
  vendorAccessRecord,
  webhookConfig,
} from '@/lib/ingest/fixtures/webhook-requests'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { configureIngestQueue, drainIngest, IngestBusyError, ingestWriterFor } from '@/lib/ingest/ingest-writer'
import { handleTuyaWebhook } from '@/lib/ingest/sources/handle-webhook'

describe.each(TEST_PROVIDERS)('a bounded ingest queue on %s', (provider) => {
  let test: TestDatabase

  beforeAll(async () => {
    test = await createTestDatabase(provider)
    configureIngestQueue(test.db, { maxMessages: 3 })
  })
  afterAll(async () => {
    await test.drop()
  })

  const record = () => vendorAccessRecord(uniqueId('rec'), uniqueId('dev'))
  const offer = (payload = record()) => ingestMessage(test.db, { source: 'mq', payload, raw: JSON.stringify(payload) })
  const stored = (recordId: string) => test.db.inboundMessage.count({ where: { sourceMessageId: recordId } })

  it('refuses the message after the limit with IngestBusyError and stores every message it took', async () => {
    const taken = [record(), record(), record()]
    const accepted = taken.map((payload) => offer(payload))
    const refused = record()

    await expect(offer(refused)).rejects.toBeInstanceOf(IngestBusyError)
    expect(ingestWriterFor(test.db).isFull()).toBe(true)

    const results = await Promise.all(accepted)
    expect(results.map((r) => r.duplicate)).toEqual([false, false, false])
    for (const payload of taken) expect(await stored(payload.bizData.recordId)).toBe(1)
    expect(await stored(refused.bizData.recordId)).toBe(0)

    expect(ingestWriterFor(test.db).isFull()).toBe(false)
    await expect(offer(refused)).resolves.toMatchObject({ duplicate: false })
  })

  it('wakes a waiting source once the queue has drained', async () => {
    const accepted = [offer(), offer(), offer()]
    let woken = false
    const drained = ingestWriterFor(test.db)
      .whenDrained()
      .then(() => (woken = true))
    expect(woken).toBe(false)
    await drained
    expect(ingestWriterFor(test.db).isFull()).toBe(false)
    await Promise.all(accepted)
    await drainIngest(test.db)
  })

  it('the webhook answers 503 busy with Retry-After while the queue is full, and 200 on the retry', async () => {
    const filling = [offer(), offer(), offer()]
    const payload = record()
    const raw = JSON.stringify(payload)

    const busy = await handleTuyaWebhook(test.db, signedWebhookRequest(raw), webhookConfig)

    expect(busy.status).toBe(503)
    expect(busy.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await busy.json()).toEqual({ error: { code: 'busy', message: expect.any(String) } })
    await Promise.all(filling)
    expect(await stored(payload.bizData.recordId)).toBe(0)

    const retried = await handleTuyaWebhook(test.db, signedWebhookRequest(raw), webhookConfig)
    expect(retried.status).toBe(200)
    expect(await stored(payload.bizData.recordId)).toBe(1)
  })

  it('bounds the queued bytes as well as the count', async () => {
    configureIngestQueue(test.db, { maxMessages: 100, maxBytes: 1_000 })
    try {
      const big = { ...record(), note: 'x'.repeat(1_200) }
      const first = offer(big)
      await expect(offer()).rejects.toBeInstanceOf(IngestBusyError)
      await first
      await expect(offer()).resolves.toMatchObject({ duplicate: false })
    } finally {
      configureIngestQueue(test.db, { maxMessages: 3, maxBytes: 64 * 1024 * 1024 })
    }
  })
})
