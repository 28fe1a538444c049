// The access log's filters on a real database (SQLite and PostgreSQL): every combination the console can produce
// (method × result × door × resident × unit × time range, quick ranges included) returns exactly the rows an
// independent filter over the seeded rows expects, in order, across pages; and keyset paging neither skips nor
// repeats a row while new events keep arriving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAccessEvents } from '@/lib/access/data'
import type { AccessQuery } from '@/lib/access/schema'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { accessQuerySchema } from '@/lib/access/schema'

type Seeded = {
  id: string
  deviceId: string
  occurredAt: Date
  method: string
  result: string
  residentId: string | null
}

// New York, a Monday evening: "today" there began at 2026-11-30T05:00Z, while it is already Tuesday in UTC.
const NOW = new Date('2026-12-01T02:30:00.000Z')
const TODAY_START = Date.parse('2026-11-30T05:00:00.000Z')
const HOUR = 3_600_000

const RESIDENTS = [
  { id: 'res-alice', name: 'Alice Martin', unit: 'unit-4b' },
  { id: 'res-bruno', name: 'Bruno Costa', unit: 'unit-4b' },
  { id: 'res-chen', name: 'Chen Wei', unit: 'unit-7a' },
]
const RESIDENT_IDS = [...RESIDENTS.map((r) => r.id), null]
const UNIT_RESIDENTS: Record<string, string[]> = { '4B': ['res-alice', 'res-bruno'], '7A': ['res-chen'], '9Z': [] }

/** 90 events over ~9 days before NOW (several in the same second), every method/result/door/resident mix. */
function seedRows(): Seeded[] {
  const methods = ['face', 'card', 'password']
  return Array.from({ length: 90 }, (_, i) => ({
    id: `ae-${String(i).padStart(3, '0')}`,
    deviceId: i % 3 === 0 ? 'dev-gate' : 'dev-lobby',
    // Pairs share a timestamp so pages must break ties by id; spacing grows so ranges cut through the set.
    occurredAt: new Date(NOW.getTime() - Math.floor(i / 2) * 2.5 * HOUR - 1_000),
    method: methods[i % methods.length],
    result: i % 4 === 0 ? 'denied' : 'granted',
    residentId: RESIDENT_IDS[i % RESIDENT_IDS.length],
  }))
}

type Combo = Omit<AccessQuery, 'limit' | 'cursor'>

/** Every filter combination the console's filter bar produces. */
function combos(): Combo[] {
  const customFrom = new Date(NOW.getTime() - 60 * HOUR)
  const customTo = new Date(NOW.getTime() - 20 * HOUR)
  const times: Combo[] = [
    {},
    { range: 'today' },
    { range: '24h' },
    { range: '7d' },
    { from: customFrom, to: customTo },
    { from: customFrom },
    { to: customTo },
  ]
  const out: Combo[] = []
  for (const time of times)
    for (const method of [undefined, 'face', 'card'] as const)
      for (const result of [undefined, 'granted', 'denied'] as const)
        for (const deviceId of [undefined, 'dev-gate'])
          for (const residentId of [undefined, 'res-alice'])
            for (const unit of [undefined, '4B', '7A', '9Z'])
              out.push({ ...time, method, result, deviceId, residentId, unit })
  return out
}

function expectedIds(rows: Seeded[], c: Combo): string[] {
  const from =
    c.range === 'today'
      ? TODAY_START
      : c.range === '24h'
        ? NOW.getTime() - 24 * HOUR
        : c.range === '7d'
          ? NOW.getTime() - 7 * 24 * HOUR
          : c.from?.getTime()
  const to = c.to?.getTime()
  return rows
    .filter(
      (r) =>
        (from === undefined || r.occurredAt.getTime() >= from) && (to === undefined || r.occurredAt.getTime() <= to),
    )
    .filter((r) => !c.method || r.method === c.method)
    .filter((r) => !c.result || r.result === c.result)
    .filter((r) => !c.deviceId || r.deviceId === c.deviceId)
    .filter((r) => !c.residentId || r.residentId === c.residentId)
    .filter((r) => c.unit === undefined || (r.residentId !== null && UNIT_RESIDENTS[c.unit].includes(r.residentId)))
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((r) => r.id)
}

describe.each(TEST_PROVIDERS)('access log filters on %s', (provider) => {
  let testDb: TestDatabase
  const rows = seedRows()

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    const db = testDb.db
    await db.site.create({ data: { id: 'site', name: 'Harbour View', timezone: 'America/New_York' } })
    await db.building.create({ data: { id: 'bld', siteId: 'site', name: 'Main' } })
    await db.unit.create({ data: { id: 'unit-4b', buildingId: 'bld', label: '4B' } })
    await db.unit.create({ data: { id: 'unit-7a', buildingId: 'bld', label: '7A' } })
    await db.unit.create({ data: { id: 'unit-9z', buildingId: 'bld', label: '9Z' } })
    for (const r of RESIDENTS)
      await db.resident.create({ data: { id: r.id, name: r.name, externalId: `p-${r.id}`, unitId: r.unit } })
    for (const id of ['dev-gate', 'dev-lobby'])
      await db.device.create({ data: { id, tuyaId: `tuya-${id}`, name: id, category: 'face_terminal' } })
    await db.accessEvent.createMany({
      data: rows.map((r) => ({
        ...r,
        deviceTuyaId: `tuya-${r.deviceId}`,
        receivedAt: r.occurredAt,
        residentName: RESIDENTS.find((x) => x.id === r.residentId)?.name ?? null,
        sourceCode: 'accessRecord',
      })),
    })
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  async function readAll(filter: Combo, limit: number): Promise<string[]> {
    const ids: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 50; page++) {
      const result = await listAccessEvents(testDb.db, { limit, cursor, ...filter }, NOW)
      ids.push(...result.items.map((i) => i.id))
      if (!result.nextCursor) return ids
      cursor = result.nextCursor
    }
    throw new Error('paging did not end')
  }

  it('returns exactly the expected rows, in order, for every combination (pages of 25)', async () => {
    const all = combos()
    expect(all.length).toBe(7 * 3 * 3 * 2 * 2 * 4)
    let nonEmpty = 0

    for (const combo of all) {
      const expected = expectedIds(rows, combo)
      if (expected.length) nonEmpty++
      expect({ combo, ids: await readAll(combo, 25) }).toEqual({ combo, ids: expected })
    }
    // The seeded set is rich enough that most combinations select something (a test that matched nothing
    // everywhere would prove nothing).
    expect(nonEmpty).toBeGreaterThan(all.length / 3)
  })

  it('resolves "today" at midnight in the building zone, not in UTC or the server zone', async () => {
    const today = await readAll({ range: 'today' }, 200)
    expect(today.length).toBeGreaterThan(0)
    expect(today).toEqual(expectedIds(rows, { range: 'today' }))
    // In UTC "today" would have begun at 2026-12-01T00:00Z and held one or two events only.
    expect(today.length).toBeGreaterThan(4)
  })

  it('parses the API query strictly: a time needs its zone, range and from/to exclude each other', async () => {
    expect(accessQuerySchema.safeParse({ from: '2026-11-30T08:00' }).success).toBe(false)
    expect(accessQuerySchema.safeParse({ from: '2026-11-30T08:00:00+08:00' }).success).toBe(true)
    expect(accessQuerySchema.safeParse({ range: 'forever' }).success).toBe(false)
    await expect(
      listAccessEvents(testDb.db, { limit: 5, range: 'today', from: new Date(TODAY_START) }, NOW),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      listAccessEvents(testDb.db, { limit: 5, from: NOW, to: new Date(TODAY_START) }, NOW),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('never skips or repeats a row while events keep arriving between pages', async () => {
    const before = expectedIds(rows, {})
    const seen: string[] = []
    let cursor: string | undefined
    let inserted = 0
    for (let page = 0; page < 100; page++) {
      const result = await listAccessEvents(testDb.db, { limit: 7, cursor }, NOW)
      seen.push(...result.items.map((i) => i.id))
      // New events (newest, and one in the same second as the newest) land between page reads.
      for (let k = 0; k < 3; k++) {
        inserted++
        await testDb.db.accessEvent.create({
          data: {
            id: `live-${String(inserted).padStart(3, '0')}`,
            deviceId: 'dev-lobby',
            deviceTuyaId: 'tuya-dev-lobby',
            occurredAt: new Date(NOW.getTime() + (k === 0 ? -1_000 : inserted * 1_000)),
            method: 'face',
            result: 'granted',
            sourceCode: 'accessRecord',
          },
        })
      }
      if (!result.nextCursor) break
      cursor = result.nextCursor
    }
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.filter((id) => id.startsWith('ae-'))).toEqual(before)
    await testDb.db.accessEvent.deleteMany({ where: { id: { startsWith: 'live-' } } })
  })
})
