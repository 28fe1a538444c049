// The access history's filters as the API takes them (method, result, door, resident, unit, a time range or a
// quick range) resolved into what the queries need: quick ranges become instants when the request arrives
// ("today" starts at midnight in the building's time zone), and a unit becomes the residents who live there
// (read through the (residentId, occurredAt) index, so a unit filter stays a short index range per resident).
// The list, the CSV export and the reports all resolve filters here, so they always agree on the rows.
import type { AccessFilter } from '@/lib/access/data'
import type { QuickRange } from '@/lib/access/schema'
import type { Db } from '@/lib/db/client'
import type { AccessMethod, AccessResult } from '@/lib/domain/enums'
import { invalidField } from '@/lib/errors'
import { readBuildingTimeZone } from '@/lib/settings/building'
import { startOfLocalDay } from '@/lib/time/zoned-time'

export type ResolvedAccessFilter = {
  from?: Date
  to?: Date
  method?: AccessMethod
  result?: AccessResult
  deviceId?: string
  /** Only these residents' events (a resident filter, a unit's residents, or both intersected); [] matches none. */
  residentIds?: string[]
}

const HOUR_MS = 3_600_000

/** The instants a quick range covers at `now` (open-ended: events arriving later still belong to it). */
export function quickRangeStart(range: QuickRange, now: Date, timeZone: string): Date {
  if (range === 'today') return startOfLocalDay(now, timeZone)
  return new Date(now.getTime() - (range === '24h' ? 24 : 7 * 24) * HOUR_MS)
}

export async function resolveAccessFilter(
  db: Pick<Db, 'site' | 'resident'>,
  filter: AccessFilter,
  now = new Date(),
): Promise<ResolvedAccessFilter> {
  if (filter.range && (filter.from || filter.to))
    throw invalidField('range: give either range or from/to, not both', { path: 'range', reason: 'range_or_bounds' })
  if (filter.from && filter.to && filter.from > filter.to)
    throw invalidField('from: must not be after to', { path: 'from', reason: 'range_order' })
  const resolved: ResolvedAccessFilter = {
    method: filter.method,
    result: filter.result,
    deviceId: filter.deviceId,
    from: filter.from,
    to: filter.to,
  }
  if (filter.range) resolved.from = quickRangeStart(filter.range, now, await readBuildingTimeZone(db))
  if (filter.unit !== undefined) {
    const residents = await db.resident.findMany({ where: { unit: { label: filter.unit } }, select: { id: true } })
    const inUnit = residents.map((r) => r.id)
    resolved.residentIds = filter.residentId ? inUnit.filter((id) => id === filter.residentId) : inUnit
  } else if (filter.residentId) {
    resolved.residentIds = [filter.residentId]
  }
  return resolved
}
