// GET /api/reports/access: the access log's filters, answered with the series behind the report's charts, all
// counted in the building's local time (stored times stay UTC). "Entries" are granted openings, "refused" the
// denied attempts. Searching one resident's history this way is audited like the access log's search.
import { resolveAccessFilter } from '@/lib/access/access-filter'
import type { AccessFilter } from '@/lib/access/data'
import { accessQuerySchema } from '@/lib/access/schema'
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { filterDetails, recordView } from '@/lib/audit/record-view'
import type { Db } from '@/lib/db/client'
import { ACCESS_METHODS, type AccessMethod } from '@/lib/domain/enums'
import { countByQuarterHour, countCombinations, deviceNames, recentRefused, residentsById } from '@/lib/reports/data'
import { REPORT_TOP, type AccessReport } from '@/lib/reports/schema'
import { readBuildingTimeZone } from '@/lib/settings/building'
import { localFields } from '@/lib/time/zoned-time'

const reportQuerySchema = accessQuerySchema.omit({ limit: true, cursor: true })

type Split = { entries: number; refused: number }
const add = (split: Split, result: string, count: number) => {
  if (result === 'granted') split.entries += count
  else split.refused += count
}
const byTotal = (a: Split, b: Split) => b.entries + b.refused - (a.entries + a.refused)
const isMethod = (value: string): value is AccessMethod => (ACCESS_METHODS as readonly string[]).includes(value)

export async function buildAccessReport(db: Db, filter: AccessFilter, now = new Date()): Promise<AccessReport> {
  const resolved = await resolveAccessFilter(db, filter, now)
  const timeZone = await readBuildingTimeZone(db)
  // Sequential on purpose: SQLite answers one statement at a time anyway, and each scan is the whole selection.
  const quarters = await countByQuarterHour(db, resolved)
  const combos = await countCombinations(db, resolved)
  const refused = await recentRefused(db, resolved)

  const totals: Split = { entries: 0, refused: 0 }
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0))
  const days = new Map<string, Split>()
  for (const q of quarters) {
    add(totals, q.result, q.count)
    const local = localFields(q.start, timeZone)
    if (q.result === 'granted') grid[(local.weekday + 6) % 7][local.hour] += q.count
    const day = days.get(local.date) ?? { entries: 0, refused: 0 }
    add(day, q.result, q.count)
    days.set(local.date, day)
  }

  const methodSplits = new Map<AccessMethod, Split>()
  const doorSplits = new Map<string, { deviceId: string | null } & Split>()
  const residentEntries = new Map<string, number>()
  for (const c of combos) {
    if (isMethod(c.method)) {
      const split = methodSplits.get(c.method) ?? { entries: 0, refused: 0 }
      add(split, c.result, c.count)
      methodSplits.set(c.method, split)
    }
    const doorKey = c.deviceId ?? ''
    const door = doorSplits.get(doorKey) ?? { deviceId: c.deviceId, entries: 0, refused: 0 }
    add(door, c.result, c.count)
    doorSplits.set(doorKey, door)
    if (c.result === 'granted' && c.residentId)
      residentEntries.set(c.residentId, (residentEntries.get(c.residentId) ?? 0) + c.count)
  }
  const [names, people] = await Promise.all([
    deviceNames(
      db,
      [...doorSplits.values()].flatMap((d) => (d.deviceId ? [d.deviceId] : [])),
    ),
    residentsById(db, [...residentEntries.keys()]),
  ])
  const residents = [...residentEntries].flatMap(([residentId, entries]) => {
    const person = people.get(residentId)
    return person ? [{ residentId, name: person.name, unit: person.unit, entries }] : []
  })
  const units = new Map<string, number>()
  for (const r of residents) if (r.unit) units.set(r.unit, (units.get(r.unit) ?? 0) + r.entries)

  return {
    timeZone,
    from: resolved.from?.toISOString() ?? null,
    to: resolved.to?.toISOString() ?? null,
    totals,
    entriesByWeekdayHour: grid,
    byMethod: [...methodSplits].map(([method, split]) => ({ method, ...split })).sort(byTotal),
    byDoor: [...doorSplits.values()]
      .map((d) => ({ ...d, deviceName: d.deviceId ? (names.get(d.deviceId) ?? null) : null }))
      .sort(byTotal),
    byDay: [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, split]) => ({ date, ...split })),
    busiestResidents: residents
      .sort((a, b) => b.entries - a.entries || a.name.localeCompare(b.name))
      .slice(0, REPORT_TOP),
    busiestUnits: [...units]
      .map(([unit, entries]) => ({ unit, entries }))
      .sort((a, b) => b.entries - a.entries || a.unit.localeCompare(b.unit))
      .slice(0, REPORT_TOP),
    recentRefused: refused,
  }
}

export async function accessReportFor(db: Db, actor: Actor, rawQuery: Record<string, string>, context: AuditContext) {
  const filter = reportQuerySchema.parse(rawQuery)
  const report = await buildAccessReport(db, filter)
  if (filter.residentId)
    await recordView(db, {
      actor: { userId: actor.userId, label: actor.email },
      action: 'access.searched',
      targetType: 'resident',
      targetId: filter.residentId,
      details: { filter: filterDetails(rawQuery), via: 'report' },
      context,
    })
  return report
}
