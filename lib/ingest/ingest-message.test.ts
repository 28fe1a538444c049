// THE ingest function against real databases (duplicates → stored once):
// concurrent and repeated deliveries of one message give one InboundMessage, one domain row and one broadcast;
// the same message from another source (other bytes, other field spelling) is the same row.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { recordLiveEmissions, type RecordedEmission } from '@/lib/ingest/fixtures/recording-live-server'
import { uniqueId, vendorAccessRecord, vendorAlarmRecord } from '@/lib/ingest/fixtures/webhook-requests'
import { ingestMessage, type IngestInput, type IngestSource } from '@/lib/ingest/ingest-message'

const input = (payload: unknown, source: IngestSource = 'webhook', raw = JSON.stringify(payload)): IngestInput => ({
  source,
  payload,
  raw,
})

describe.each(TEST_PROVIDERS)('ingestMessage on %s', (provider) => {
  let test: TestDatabase
  let live: { emitted: RecordedEmission[]; stop(): void }

  beforeAll(async () => {
    test = await createTestDatabase(provider)
  })
  afterAll(async () => {
    await test.drop()
  })
  afterEach(() => live?.stop())

  const emissionsFor = (event: string, id: string) =>
    live.emitted.filter((e) => e.event === event && e.payload.id === id)

  it('20 concurrent deliveries of one access record → one message, one AccessEvent, one broadcast; 19 duplicates name it', async () => {
    live = recordLiveEmissions()
    const devId = uniqueId('dev')
    const payload = vendorAccessRecord(uniqueId('rec'), devId)

    const results = await Promise.all(Array.from({ length: 20 }, () => ingestMessage(test.db, input(payload))))

    const fresh = results.filter((r) => !r.duplicate)
    expect(fresh).toHaveLength(1)
    const [first] = fresh
    expect(first.outcome).toBe('processed')
    expect(first.events).toEqual([{ kind: 'access', id: expect.any(String) }])
    const duplicates = results.filter((r) => r.duplicate)
    expect(duplicates).toHaveLength(19)
    for (const d of duplicates) expect(d).toMatchObject({ duplicate: true, id: first.id, events: [] })

    expect(await test.db.inboundMessage.count({ where: { sourceMessageId: payload.bizData.recordId } })).toBe(1)
    const events = await test.db.accessEvent.findMany({ where: { deviceTuyaId: devId } })
    expect(events.map((e) => e.id)).toEqual([first.events[0].id])
    expect(events[0].messageId).toBe(first.id)
    expect(await test.db.device.count({ where: { tuyaId: devId } })).toBe(1)
    expect(
      await test.db.liveEvent.count({ where: { event: 'access.created', payload: { contains: first.events[0].id } } }),
    ).toBe(1)
    expect(emissionsFor('access.created', first.events[0].id)).toHaveLength(1)
  })

  it('a later redelivery is found by its id: nothing stored, nothing broadcast', async () => {
    const payload = vendorAccessRecord(uniqueId('rec'), uniqueId('dev'))
    const first = await ingestMessage(test.db, input(payload, 'mq'))
    const liveRows = await test.db.liveEvent.count()
    live = recordLiveEmissions()

    const again = await ingestMessage(test.db, input(payload, 'mq'))

    expect(again).toEqual({ duplicate: true, id: first.id, outcome: 'processed', events: [] })
    expect(await test.db.liveEvent.count()).toBe(liveRows)
    expect(await test.db.accessEvent.count({ where: { messageId: first.id } })).toBe(1)
    expect(live.emitted).toEqual([])
  })

  it('the same record by webhook and by message service, in other bytes and snake_case, is one row', async () => {
    const devId = uniqueId('dev')
    const recordId = uniqueId('rec')
    const camel = vendorAccessRecord(recordId, devId, 1_764_100_000_000)
    const snake = {
      biz_code: 'access_record',
      dev_id: devId,
      ts: '1764100000',
      biz_data: {
        record_id: recordId,
        way: '4',
        user_id: 'u-ext-1',
        user_name: 'Alice',
        success: 'true',
        time: 1_764_100_000,
      },
    }

    const viaWebhook = await ingestMessage(test.db, input(camel, 'webhook'))
    const viaMq = await ingestMessage(test.db, input(snake, 'mq', JSON.stringify(snake, null, 2)))

    expect(viaWebhook.duplicate).toBe(false)
    expect(viaMq).toMatchObject({ duplicate: true, id: viaWebhook.id })
    const stored = await test.db.inboundMessage.findMany({ where: { sourceMessageId: recordId } })
    expect(stored.map((m) => m.source)).toEqual(['webhook'])
    expect(await test.db.accessEvent.count({ where: { deviceTuyaId: devId } })).toBe(1)
  })

  it('a message that carries no id is deduplicated by its content, whatever the key order and spacing', async () => {
    const devId = uniqueId('dev')
    const online = { bizCode: 'online', devId, bizData: { devId, time: 1_764_100_000_000 }, ts: 1_764_100_000_123 }
    const reordered = { ts: online.ts, bizData: { time: online.bizData.time, devId }, devId, bizCode: 'online' }

    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => ingestMessage(test.db, input(online, 'webhook'))),
      ...Array.from({ length: 5 }, () =>
        ingestMessage(test.db, input(reordered, 'mq', JSON.stringify(reordered, null, 1))),
      ),
    ])

    expect(results.filter((r) => !r.duplicate)).toHaveLength(1)
    expect(new Set(results.map((r) => r.id)).size).toBe(1)
    expect(await test.db.inboundMessage.count({ where: { deviceTuyaId: devId } })).toBe(1)
  })

  it('concurrent first messages from an unknown device store every message and create the device once', async () => {
    const devId = uniqueId('dev')
    const payloads = Array.from({ length: 12 }, () => vendorAccessRecord(uniqueId('rec'), devId))

    const results = await Promise.all(payloads.map((p) => ingestMessage(test.db, input(p))))

    expect(results.every((r) => !r.duplicate)).toBe(true)
    expect(await test.db.device.count({ where: { tuyaId: devId } })).toBe(1)
    expect(await test.db.inboundMessage.count({ where: { deviceTuyaId: devId } })).toBe(12)
    expect(await test.db.accessEvent.count({ where: { deviceTuyaId: devId } })).toBe(12)
  })

  it('concurrent first alarms of one kind fold into one open alarm; their redeliveries do not count again', async () => {
    const devId = uniqueId('dev')
    const payloads = Array.from({ length: 8 }, () => vendorAlarmRecord(uniqueId('alarm'), devId, 'tamper'))

    const results = await Promise.all(payloads.map((p) => ingestMessage(test.db, input(p, 'mq'))))
    const redelivered = await Promise.all(payloads.map((p) => ingestMessage(test.db, input(p, 'webhook'))))

    expect(results.every((r) => !r.duplicate)).toBe(true)
    expect(redelivered.every((r) => r.duplicate)).toBe(true)
    const device = await test.db.device.findUniqueOrThrow({ where: { tuyaId: devId } })
    const alarms = await test.db.alarm.findMany({ where: { deviceId: device.id } })
    expect(alarms).toHaveLength(1)
    expect(alarms[0]).toMatchObject({ type: 'tamper', state: 'open', count: 8 })
    expect(new Set(results.flatMap((r) => r.events.map((e) => e.id)))).toEqual(new Set([alarms[0].id]))
  })
})
