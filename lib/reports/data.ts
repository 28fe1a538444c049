// The access report's reads, with the access log's filters (resolved once by resolveAccessFilter): counts by
// method, door and resident through Prisma's groupBy, and counts per 15-minute UTC bucket through one raw GROUP BY
// that both databases run unchanged (every zone's offset is a multiple of 15 minutes, so each bucket falls in
// exactly one local hour and day; the weekday × hour grid and the days are then built in the building's zone).
import type { ResolvedAccessFilter } from '@/lib/access/access-filter'
import { accessEventInclude, accessEventOmit, toAccessEventItem } from '@/lib/access/access-item'
import { accessConditionsSql, accessWhere, whereSql } from '@/lib/access/data'
import { sql, type Db, type Sql } from '@/lib/db/client'
import { REPORT_RECENT_REFUSED } from '@/lib/reports/schema'

/** The filter as SQL over "AccessEvent" (the access log's own conditions). */
const whereOf = (filter: ResolvedAccessFilter): Sql => whereSql(accessConditionsSql(filter))

export type QuarterCount = { start: number; result: string; count: number }

/**
 * Events per 15-minute UTC bucket and result. The time is read as text, which both databases write the same way up
 * to the minute (`2026-11-30T22:15…` on SQLite, `2026-11-30 22:15…` on PostgreSQL), so one statement serves both.
 */
export async function countByQuarterHour(db: Db, filter: ResolvedAccessFilter): Promise<QuarterCount[]> {
  const rows = await db.$queryRaw<{ h: string; q: bigint | number; result: string; n: bigint | number }[]>(sql`
    SELECT substr(CAST("occurredAt" AS TEXT), 1, 13) AS h,
           CAST(substr(CAST("occurredAt" AS TEXT), 15, 2) AS INTEGER) / 15 AS q,
           "result" AS result,
           COUNT(*) AS n
    FROM "AccessEvent" ${whereOf(filter)}
    GROUP BY 1, 2, 3`)
  return rows.map((r) => ({
    start: Date.parse(`${r.h.slice(0, 10)}T${r.h.slice(11, 13)}:00:00Z`) + Number(r.q) * 15 * 60_000,
    result: r.result,
    count: Number(r.n),
  }))
}

export type ComboCount = {
  residentId: string | null
  method: string
  deviceId: string | null
  result: string
  count: number
}

/**
 * Events per resident × method × door × result in ONE scan (a few thousand groups at 1M events): the report's
 * method, door and resident series are all sums over it, where one groupBy each would read the table three times.
 */
export async function countCombinations(db: Db, filter: ResolvedAccessFilter): Promise<ComboCount[]> {
  const rows = await db.$queryRaw<
    { r: string | null; m: string; d: string | null; res: string; n: bigint | number }[]
  >(sql`
    SELECT "residentId" AS r, "method" AS m, "deviceId" AS d, "result" AS res, COUNT(*) AS n
    FROM "AccessEvent" ${whereOf(filter)}
    GROUP BY 1, 2, 3, 4`)
  return rows.map((r) => ({ residentId: r.r, method: r.m, deviceId: r.d, result: r.res, count: Number(r.n) }))
}

export async function deviceNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const devices = await db.device.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
  return new Map(devices.map((d) => [d.id, d.name]))
}

export async function residentsById(db: Db, ids: string[]) {
  const residents = await db.resident.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, unit: { select: { label: true } } },
  })
  return new Map(residents.map((r) => [r.id, { name: r.name, unit: r.unit?.label ?? null }]))
}

export async function recentRefused(db: Db, filter: ResolvedAccessFilter) {
  if (filter.result === 'granted') return []
  const rows = await db.accessEvent.findMany({
    where: { AND: [accessWhere(filter), { result: 'denied' }] },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: REPORT_RECENT_REFUSED,
    include: accessEventInclude,
    omit: accessEventOmit,
  })
  return rows.map(toAccessEventItem)
}
