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
import {
  countByDoor,
  countByMethod,
  countByQuarterHour,
  countEntriesByResident,
  recentRefused,
} from '@/lib/reports/data'
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
  const [quarters, methods, doors, residents, refused] = await Promise.all([
    countByQuarterHour(db, resolved),
    countByMethod(db, resolved),
    countByDoor(db, resolved),
    countEntriesByResident(db, resolved),
    recentRefused(db, resolved),
  ])

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
  for (const m of methods) {
    if (!isMethod(m.key)) continue
    const split = methodSplits.get(m.key) ?? { entries: 0, refused: 0 }
    add(split, m.result, m.count)
    methodSplits.set(m.key, split)
  }
  const doorSplits = new Map<string, { deviceId: string | null; deviceName: string | null } & Split>()
  for (const d of doors) {
    const key = d.deviceId ?? ''
    const split = doorSplits.get(key) ?? { deviceId: d.deviceId, deviceName: d.deviceName, entries: 0, refused: 0 }
    add(split, d.result, d.count)
    doorSplits.set(key, split)
  }
  const units = new Map<string, number>()
  for (const r of residents) if (r.unit) units.set(r.unit, (units.get(r.unit) ?? 0) + r.entries)

  return {
    timeZone,
    from: resolved.from?.toISOString() ?? null,
    to: resolved.to?.toISOString() ?? null,
    totals,
    entriesByWeekdayHour: grid,
    byMethod: [...methodSplits].map(([method, split]) => ({ method, ...split })).sort(byTotal),
    byDoor: [...doorSplits.values()].sort(byTotal),
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
