// Payloads the webhook fuzz test (webhook.fuzz.test.ts) found to break ingest, kept as plain regression cases on
// both databases: a NUL character (PostgreSQL text cannot hold U+0000), JSON nested thousands of levels deep
// (recursive code runs out of stack) and names every object inherits ("__proto__", "constructor"). Each must get its documented answer, be stored once, and a replay must be a
// duplicate; never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import {
  signedWebhookRequest,
  uniqueId,
  vendorAccessRecord,
  webhookConfig,
} from '@/lib/ingest/fixtures/webhook-requests'
import { handleTuyaWebhook } from '@/lib/ingest/sources/handle-webhook'

type Json = { ok?: boolean; duplicate?: boolean; id?: string; error?: { code: string } }

describe.each(TEST_PROVIDERS)('hostile webhook payloads on %s', (provider) => {
  let test: TestDatabase

  beforeAll(async () => {
    test = await createTestDatabase(provider)
  })
  afterAll(async () => {
    await test.drop()
  })

  const post = async (raw: string) => {
    const response = await handleTuyaWebhook(test.db, signedWebhookRequest(raw), webhookConfig)
    return { status: response.status, json: (await response.json()) as Json }
  }

  it('a raw NUL byte in a body that is not JSON → 400, stored once with U+FFFD in its place', async () => {
    const marker = uniqueId('nul')
    const raw = `{"protocol":\u00004,"marker":"${marker}"`

    const first = await post(raw)
    const again = await post(raw)

    expect([first.status, again.status]).toEqual([400, 400])
    expect(first.json.error?.code).toBe('malformed_json')
    const stored = await test.db.inboundMessage.findMany({ where: { payload: { contains: marker } } })
    expect(stored.map((m) => m.payload)).toEqual([raw.replace('\u0000', '\uFFFD')])
  })

  it('an escaped \\u0000 inside a field of a real record → 200, the record stored once, the replay a duplicate', async () => {
    const record = vendorAccessRecord(uniqueId('rec'), uniqueId('dev'))
    record.bizData.userName = 'Ali\u0000ce'
    const raw = JSON.stringify(record)
    expect(raw).toContain('\\u0000')

    const first = await post(raw)
    const again = await post(raw)

    expect(first).toMatchObject({ status: 200, json: { ok: true, duplicate: false } })
    expect(again).toEqual({ status: 200, json: { ok: true, duplicate: true, id: first.json.id } })
    const event = await test.db.accessEvent.findFirstOrThrow({ where: { deviceTuyaId: record.devId } })
    expect(JSON.stringify(event)).not.toContain('\u0000')
  })

  it.each([
    ['a data-point code "__proto__"', (id: string) => ({ devId: id, status: [{ code: '__proto__', value: 0 }] })],
    ['a bizCode "constructor"', (id: string) => ({ bizCode: 'constructor', devId: id, bizData: { recordId: id } })],
  ])('%s (a name every object inherits) → answered, stored once, never a 500', async (_label, build) => {
    const raw = JSON.stringify(build(uniqueId('dev')))

    const first = await post(raw)
    const again = await post(raw)

    expect([200, 400]).toContain(first.status)
    expect(again.status).toBe(first.status)
    expect(await test.db.inboundMessage.count({ where: { payload: raw } })).toBe(1)
  })

  it.each([
    ['arrays', (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`],
    ['objects', (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
  ])('JSON %s nested 20,000 levels deep → 400 unrecognised, stored once as raw text', async (_label, nest) => {
    const raw = nest(20_000)

    const first = await post(raw)
    const again = await post(raw)

    expect(first).toMatchObject({ status: 400, json: { error: { code: 'unrecognised_message' } } })
    expect(again.status).toBe(400)
    const stored = await test.db.inboundMessage.findMany({ where: { payload: raw } })
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ outcome: 'unrecognised', reason: expect.stringContaining('deeper than') })
  })
})
