// The access report on a real database (SQLite and PostgreSQL): every number equals a count computed independently
// from the seeded rows (local weekday and hour read with Intl directly), in a building zone whose clocks change
// inside the seeded period (Europe/Berlin, 25 October 2026), with and without the access log's filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccessFilter } from '@/lib/access/data'
import { createRandom } from '@/bench/support/access-dataset'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { buildAccessReport } from '@/lib/reports/access-report'

const ZONE = 'Europe/Berlin'
// Thursday 22 October to Wednesday 28 October 2026, across the night the clocks go back.
const START = Date.parse('2026-10-22T00:00:00.000Z')
const NOW = new Date('2026-10-29T00:00:00.000Z')
const METHODS = ['face', 'card', 'password', 'remote'] as const
const DOORS = ['gate', 'lobby', 'flat-4b']
const RESIDENTS = [
  { id: 'res-alice', name: 'Alice', unit: 'u4b' },
  { id: 'res-bruno', name: 'Bruno', unit: 'u4b' },
  { id: 'res-chen', name: 'Chen', unit: 'u7a' },
  { id: 'res-dara', name: 'Dara', unit: null },
]
const UNIT_LABEL: Record<string, string> = { u4b: '4B', u7a: '7A' }

type Seeded = {
  id: string
  occurredAt: Date
  method: string
  result: 'granted' | 'denied'
  deviceId: string
  residentId: string | null
}

function seedRows(): Seeded[] {
  const random = createRandom(5)
  return Array.from({ length: 400 }, (_, i) => {
    // Minutes spread over the week, some exactly on quarter-hour boundaries, some at :59.
    const minute = Math.floor(random() * 7 * 24 * 60)
    const resident = random() < 0.15 ? null : RESIDENTS[Math.floor(random() * RESIDENTS.length)]
    return {
      id: `ae-${String(i).padStart(4, '0')}`,
      occurredAt: new Date(START + minute * 60_000 + (i % 3 === 0 ? 0 : 59_000)),
      method: METHODS[Math.floor(random() * METHODS.length)],
      result: random() < 0.2 ? 'denied' : 'granted',
      deviceId: DOORS[Math.floor(random() * DOORS.length)],
      residentId: resident?.id ?? null,
    }
  })
}

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
})
function localOf(date: Date) {
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]))
  return {
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday),
    hour: Number(p.hour),
    date: `${p.year}-${p.month}-${p.day}`,
  }
}

function expectedReport(rows: Seeded[]) {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0))
  const days = new Map<string, { entries: number; refused: number }>()
  const count = <K>(map: Map<K, { entries: number; refused: number }>, key: K, r: Seeded) => {
    const split = map.get(key) ?? { entries: 0, refused: 0 }
    split[r.result === 'granted' ? 'entries' : 'refused']++
    map.set(key, split)
  }
  const methods = new Map<string, { entries: number; refused: number }>()
  const doors = new Map<string, { entries: number; refused: number }>()
  const residents = new Map<string, number>()
  const units = new Map<string, number>()
  for (const r of rows) {
    const local = localOf(r.occurredAt)
    if (r.result === 'granted') grid[local.weekday][local.hour]++
    count(days, local.date, r)
    count(methods, r.method, r)
    count(doors, r.deviceId, r)
    if (r.result === 'granted' && r.residentId) {
      residents.set(r.residentId, (residents.get(r.residentId) ?? 0) + 1)
      const unit = RESIDENTS.find((x) => x.id === r.residentId)?.unit
      if (unit) units.set(UNIT_LABEL[unit], (units.get(UNIT_LABEL[unit]) ?? 0) + 1)
    }
  }
  return {
    totals: {
      entries: rows.filter((r) => r.result === 'granted').length,
      refused: rows.filter((r) => r.result === 'denied').length,
    },
    grid,
    days: Object.fromEntries(days),
    methods: Object.fromEntries(methods),
    doors: Object.fromEntries(doors),
    residents: Object.fromEntries(residents),
    units: Object.fromEntries(units),
  }
}

describe.each(TEST_PROVIDERS)('access report on %s', (provider) => {
  let testDb: TestDatabase
  const rows = seedRows()

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    const db = testDb.db
    await db.site.create({ data: { id: 's', name: 'Site', timezone: ZONE } })
    await db.building.create({ data: { id: 'b', siteId: 's', name: 'Main' } })
    for (const [id, label] of Object.entries(UNIT_LABEL)) await db.unit.create({ data: { id, buildingId: 'b', label } })
    for (const r of RESIDENTS)
      await db.resident.create({ data: { id: r.id, name: r.name, externalId: `p-${r.id}`, unitId: r.unit } })
    for (const id of DOORS)
      await db.device.create({ data: { id, tuyaId: `t-${id}`, name: `Door ${id}`, category: 'other' } })
    await db.accessEvent.createMany({
      data: rows.map((r) => ({ ...r, deviceTuyaId: `t-${r.deviceId}`, sourceCode: 'x' })),
    })
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  async function check(filter: AccessFilter, selected: Seeded[]) {
    const report = await buildAccessReport(testDb.db, filter, NOW)
    const want = expectedReport(selected)
    expect(report.timeZone).toBe(ZONE)
    expect(report.totals).toEqual(want.totals)
    expect(report.entriesByWeekdayHour).toEqual(want.grid)
    expect(Object.fromEntries(report.byDay.map(({ date, ...split }) => [date, split]))).toEqual(want.days)
    expect(report.byDay.map((d) => d.date)).toEqual([...report.byDay.map((d) => d.date)].sort())
    expect(Object.fromEntries(report.byMethod.map(({ method, ...split }) => [method, split]))).toEqual(want.methods)
    expect(
      Object.fromEntries(report.byDoor.map(({ deviceId, deviceName: _n, ...split }) => [deviceId, split])),
    ).toEqual(want.doors)
    const topResidents = Object.entries(want.residents).sort((a, b) => b[1] - a[1])
    expect(report.busiestResidents.map((r) => r.entries)).toEqual(topResidents.map(([, n]) => n))
    expect(Object.fromEntries(report.busiestResidents.map((r) => [r.residentId, r.entries]))).toEqual(want.residents)
    expect(Object.fromEntries(report.busiestUnits.map((u) => [u.unit, u.entries]))).toEqual(want.units)
    const refused = selected.filter((r) => r.result === 'denied').sort((a, b) => +b.occurredAt - +a.occurredAt)
    expect(report.recentRefused.map((e) => e.id)).toEqual(refused.slice(0, 12).map((r) => r.id))
    return report
  }

  it('counts everything in the building zone, the hour the clocks go back included', async () => {
    const report = await check({}, rows)
    expect(report.totals.entries + report.totals.refused).toBe(400)
    // Sunday 25 October has 25 local hours; its 02:00 hour happened twice and is counted once per occurrence.
    expect(report.byDay.find((d) => d.date === '2026-10-25')).toBeDefined()
  })

  it('follows the access log filters', async () => {
    await check(
      { method: 'face' },
      rows.filter((r) => r.method === 'face'),
    )
    await check(
      { unit: '4B' },
      rows.filter((r) => r.residentId === 'res-alice' || r.residentId === 'res-bruno'),
    )
    await check(
      { result: 'denied', deviceId: 'gate' },
      rows.filter((r) => r.result === 'denied' && r.deviceId === 'gate'),
    )
    const from = new Date('2026-10-24T22:00:00.000Z')
    const to = new Date('2026-10-26T03:15:00.000Z')
    await check(
      { from, to, residentId: 'res-chen' },
      rows.filter((r) => r.occurredAt >= from && r.occurredAt <= to && r.residentId === 'res-chen'),
    )
    // "today" in Berlin at NOW (Thursday 29th, 01:00 local) began at 23:00 UTC the day before.
    const today = rows.filter((r) => r.occurredAt >= new Date('2026-10-28T23:00:00.000Z'))
    expect(today.length).toBeGreaterThan(0)
    await check({ range: 'today' }, today)
  })
})
