// A group-commit batch bigger than one multi-row INSERT (60 rows a statement) is written whole, on SQLite and
// PostgreSQL: every message, access event and snapshot row, with the values the normaliser gave, and one live
// event per access event, in arrival order with increasing seqs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { persistBatch, type PreparedMessage } from '@/lib/ingest/persist/ingest-batch'

const SIZE = 130

function accessMessage(i: number): PreparedMessage {
  const at = new Date(Date.parse('2026-11-20T12:00:00.000Z') + i * 1000)
  return {
    source: 'webhook',
    raw: JSON.stringify({ record: i }),
    receivedAt: at,
    sourceMessageId: `record-${i}`,
    normalised: {
      shape: 'vendor_access',
      sourceMessageId: `record-${i}`,
      deviceId: `tuya-${i % 3}`,
      occurredAt: at,
      items: [
        {
          kind: 'access',
          occurredAt: at,
          method: i % 2 ? 'card' : 'face',
          result: 'granted',
          externalUserId: `person-${i}`,
          externalUserName: `Resident ${i}`,
          ...(i % 5 === 0 ? { credentialSlot: `${i}` } : {}),
          sourceCode: 'accessRecord',
          ...(i % 4 === 0 ? { snapshot: { type: 'url' as const, url: `https://cdn.example/${i}.jpg` } } : {}),
          raw: {},
        },
      ],
    },
  }
}

describe.each(TEST_PROVIDERS)('persistBatch on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it(`writes a batch of ${SIZE} messages (several INSERT statements per table) whole and in order`, async () => {
    const results = await persistBatch(
      testDb.db,
      Array.from({ length: SIZE }, (_, i) => accessMessage(i)),
    )
    const db = testDb.db
    expect(await db.inboundMessage.count()).toBe(SIZE)
    expect(await db.snapshot.count({ where: { state: 'pending', attempts: 0 } })).toBe(Math.ceil(SIZE / 4))

    const events = await db.accessEvent.findMany({ orderBy: { occurredAt: 'asc' } })
    expect(events).toHaveLength(SIZE)
    expect(events[5]).toMatchObject({
      method: 'card',
      result: 'granted',
      externalUserId: 'person-5',
      residentName: 'Resident 5',
      credentialSlot: '5',
      sourceCode: 'accessRecord',
      deviceTuyaId: 'tuya-2',
      backfilled: false,
      snapshotId: null,
    })
    expect(events[4].snapshotId).not.toBeNull()
    expect(events[4].credentialSlot).toBeNull()

    const live = results.flatMap((r) => (r.duplicate ? [] : r.live))
    expect(live.map((e) => e.event)).toEqual(Array(SIZE).fill('access.created'))
    const seqs = live.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(new Set(seqs).size).toBe(SIZE)
    expect(live.map((e) => (e.event === 'access.created' ? e.payload.residentName : null))).toEqual(
      Array.from({ length: SIZE }, (_, i) => `Resident ${i}`),
    )
  })
})
