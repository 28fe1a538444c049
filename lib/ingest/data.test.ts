import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { listInboundMessages } from '@/lib/ingest/data'
import { ingestMessage } from '@/lib/ingest/ingest-message'

describe.each(TEST_PROVIDERS)('messages kept raw on %s', (provider) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(provider)
  })
  afterAll(async () => {
    await test.drop()
  })

  it('lists what was not understood, with the reason and the raw payload, newest first with a cursor', async () => {
    for (let i = 0; i < 3; i++) {
      const payload = { hello: `world-${i}` }
      await ingestMessage(test.db, { source: 'webhook', payload, raw: JSON.stringify(payload) })
    }
    const known = {
      devId: 'dev-raw-1',
      dataId: 'd-raw-1',
      status: [{ code: 'humidity_current', value: 52, t: Date.now() }],
    }
    await ingestMessage(test.db, { source: 'mq', payload: known, raw: JSON.stringify(known) })

    const first = await listInboundMessages(test.db, { limit: 2, outcome: 'unrecognised' })
    expect(first.items.map((m) => m.payload)).toEqual(['{"hello":"world-2"}', '{"hello":"world-1"}'])
    expect(first.items[0].reason).toBeTruthy()
    const second = await listInboundMessages(test.db, { limit: 2, outcome: 'unrecognised', cursor: first.nextCursor! })
    expect(second.items.map((m) => m.payload)).toEqual(['{"hello":"world-0"}'])
    expect(second.nextCursor).toBeNull()

    const partial = await listInboundMessages(test.db, { limit: 10, outcome: 'partial' })
    expect(partial.items).toHaveLength(1)
    expect(partial.items[0]).toMatchObject({ deviceTuyaId: 'dev-raw-1', source: 'mq' })
    expect(partial.items[0].reason).toContain('humidity_current')
  })
})
