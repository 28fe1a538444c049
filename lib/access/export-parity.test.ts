// The CSV export reads raw SQL (readAccessExportBatches) while the list reads through Prisma's models
// (listAccessEvents → toAccessEventItem). On a seeded building, on SQLite and PostgreSQL, for every kind of filter
// and several batch sizes, the export must hold exactly the list's rows, field for field and in the same order,
// and its CSV must be the list's items written out: times in the building zone, hostile cells neutralised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveAccessFilter } from '@/lib/access/access-filter'
import { listAccessEvents, readAccessExportBatches, type AccessFilter } from '@/lib/access/data'
import { ACCESS_CSV_COLUMNS, accessCsvRecord, streamAccessCsv } from '@/lib/access/export-csv'
import type { AccessEventItem } from '@/lib/access/schema'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { ACCESS_METHODS } from '@/lib/domain/enums'
import { csvLine } from '@/lib/reports/csv'

const NOW = new Date('2026-11-30T16:00:00.000Z')
const MINUTE = 60_000
const EVENTS = 700
const ZONE = 'America/St_Johns' // -03:30: an offset that is not whole hours

/** A small deterministic generator (mulberry32), so both databases hold the same rows. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const HOSTILE_NAMES = ['=cmd|" /C calc"!A0', '+SUM(A1)', '@here', 'Costa, Bruno', 'two\nlines', '-1', 'Zoë "Z" Li']

async function seed(db: TestDatabase['db']) {
  const rand = random(20261130)
  const pick = <T>(values: readonly T[]) => values[Math.floor(rand() * values.length)]
  await db.site.create({ data: { id: 'site', name: 'Harbour View', timezone: ZONE } })
  await db.building.create({ data: { id: 'bld', siteId: 'site', name: 'Block A' } })
  const units = ['1a', '2b', '3c']
  for (const id of units)
    await db.unit.create({ data: { id: `unit-${id}`, buildingId: 'bld', label: id.toUpperCase() } })
  const devices = ['dev-gate', 'dev-lobby', 'dev-garage', 'dev-gone']
  for (const [i, id] of devices.entries())
    await db.device.create({
      data: { id, tuyaId: `tuya-${id}`, name: i === 1 ? 'Lobby, north =door' : `Door ${i}`, category: 'face_terminal' },
    })
  // 1A: two residents (the list merges per-resident ranges); 2B: twenty (the list reads one IN); 3C: none.
  const residents = Array.from({ length: 24 }, (_, i) => ({
    id: `res-${String(i).padStart(2, '0')}`,
    name: i < 7 ? HOSTILE_NAMES[i] : `Resident ${i}`,
    externalId: `p-${i}`,
    unitId: i < 2 ? 'unit-1a' : i < 22 ? 'unit-2b' : null,
  }))
  await db.resident.createMany({ data: residents })
  const states = ['stored', 'pending', 'failed']
  const snapshots = Array.from({ length: 120 }, (_, i) => ({ id: `snap-${i}`, source: 'x', state: states[i % 3] }))
  await db.snapshot.createMany({ data: snapshots })
  let at = NOW.getTime() - 30_000
  const rows = Array.from({ length: EVENTS }, (_, i) => {
    if (rand() > 0.25) at -= Math.floor(rand() * 40 * MINUTE) + 1 // a quarter share the time before them
    const resident = rand() < 0.2 ? null : pick(residents)
    const deviceId = pick(devices)
    return {
      id: `ae-${String(Math.floor(rand() * 1e6)).padStart(6, '0')}-${i}`,
      deviceId,
      deviceTuyaId: `tuya-${deviceId}`,
      occurredAt: new Date(at),
      receivedAt: new Date(at + Math.floor(rand() * 5000)),
      method: pick(ACCESS_METHODS),
      result: rand() < 0.2 ? 'denied' : 'granted',
      residentId: resident?.id ?? null,
      residentName: resident ? resident.name : rand() < 0.5 ? pick(HOSTILE_NAMES) : null,
      sourceCode: 'accessRecord',
      snapshotId: rand() < 0.6 ? pick(snapshots).id : null,
      backfilled: rand() < 0.1,
    }
  })
  await db.accessEvent.createMany({ data: rows })
  // A removed door: its events keep no door (the relation sets deviceId to NULL).
  await db.device.delete({ where: { id: 'dev-gone' } })
}

const FILTERS: AccessFilter[] = [
  {},
  { method: 'face' },
  { method: 'qr_code' },
  { result: 'denied' },
  { deviceId: 'dev-lobby' },
  { deviceId: 'dev-lobby', result: 'denied' },
  { residentId: 'res-03' },
  { residentId: 'res-03', method: 'card' },
  { unit: '1A' },
  { unit: '2B' },
  { unit: '2B', method: 'face', result: 'granted' },
  { unit: '2B', residentId: 'res-05' },
  { unit: '1A', residentId: 'res-05' },
  { unit: '3C' },
  { range: '24h' },
  { range: 'today' },
  { range: '7d', unit: '2B' },
  { from: new Date(NOW.getTime() - 3 * 24 * 60 * MINUTE), to: new Date(NOW.getTime() - 24 * 60 * MINUTE) },
  { from: new Date(NOW.getTime() - 6 * 24 * 60 * MINUTE), deviceId: 'dev-gate', method: 'card' },
]

/** Every item the list shows for a filter, page after page. */
async function listAll(db: TestDatabase['db'], filter: AccessFilter): Promise<AccessEventItem[]> {
  const items: AccessEventItem[] = []
  let cursor: string | undefined
  do {
    const page = await listAccessEvents(db, { ...filter, limit: 37, cursor }, NOW)
    items.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return items
}

async function exportAll(db: TestDatabase['db'], filter: AccessFilter, batchSize: number) {
  const resolved = await resolveAccessFilter(db, filter, NOW)
  const items: AccessEventItem[] = []
  for await (const rows of readAccessExportBatches(db, resolved, { batchSize, maxRows: Number.POSITIVE_INFINITY }))
    for (const row of rows)
      items.push({
        ...row,
        occurredAt: new Date(row.occurredAt).toISOString(),
        receivedAt: new Date(row.receivedAt).toISOString(),
      })
  return items
}

describe.each(TEST_PROVIDERS)('the CSV export and the list agree on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await seed(testDb.db)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('has a seeded set that exercises every case', async () => {
    const all = await listAll(testDb.db, {})
    expect(all).toHaveLength(EVENTS)
    expect(new Set(all.map((i) => i.occurredAt)).size).toBeLessThan(EVENTS) // ties broken by id
    expect(all.some((i) => i.deviceId === null)).toBe(true)
    expect(all.some((i) => i.snapshotUrl !== null)).toBe(true)
    expect(all.some((i) => i.backfilled)).toBe(true)
  })

  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))(
    'holds exactly the list rows for %s, whatever the batch size',
    async (_name, filter) => {
      const listed = await listAll(testDb.db, filter)
      for (const batchSize of [1, 13, 10_000]) expect(await exportAll(testDb.db, filter, batchSize)).toEqual(listed)
    },
  )

  it('writes the list items as CSV, line for line', async () => {
    for (const filter of [{}, { unit: '2B' }, { result: 'denied' as const }]) {
      const listed = await listAll(testDb.db, filter)
      const expected =
        csvLine(ACCESS_CSV_COLUMNS) +
        listed
          .map((item) =>
            accessCsvRecord(
              { ...item, occurredAt: Date.parse(item.occurredAt), receivedAt: Date.parse(item.receivedAt) },
              ZONE,
            ),
          )
          .join('')
      let csv = ''
      for await (const chunk of streamAccessCsv(testDb.db, filter, { now: NOW, batchSize: 50 })) csv += chunk
      expect(csv).toBe(expected)
      expect(csv).toContain('-03:30,')
      if (Object.keys(filter).length === 0) expect(csv).toContain(`,"'=cmd|"" /C calc""!A0",`)
    }
  })
})
