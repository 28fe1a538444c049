// The access report as the API shows it (GET /api/reports/access, the access log's filters): series for the charts,
// counted in the building's local time (weekday × hour, days), by method, by door, and the busiest residents and
// units. Browser-safe.
import { z } from 'zod'
import { accessEventItemSchema } from '@/lib/access/schema'
import { accessMethodSchema } from '@/lib/domain/enums'
import { isoTimeOrNull } from '@/lib/http/page'

const split = { entries: z.number().int(), refused: z.number().int() }

export { REPORT_RECENT_REFUSED, REPORT_TOP, REPORT_WEEKDAYS } from '@/lib/reports/report-constants'

export const accessReportSchema = z.object({
  timeZone: z.string(),
  /** The instants covered (null: open-ended), after quick ranges are resolved. */
  from: isoTimeOrNull,
  to: isoTimeOrNull,
  totals: z.object(split),
  /** Granted entries per local weekday (Monday first) × local hour: 7 rows of 24. */
  entriesByWeekdayHour: z.array(z.array(z.number().int()).length(24)).length(7),
  byMethod: z.array(z.object({ method: accessMethodSchema, ...split })),
  byDoor: z.array(z.object({ deviceId: z.string().nullable(), deviceName: z.string().nullable(), ...split })),
  /** Per local day (`YYYY-MM-DD` in the building's zone), oldest first, days without events left out. */
  byDay: z.array(z.object({ date: z.string(), ...split })),
  busiestResidents: z.array(
    z.object({ residentId: z.string(), name: z.string(), unit: z.string().nullable(), entries: z.number().int() }),
  ),
  busiestUnits: z.array(z.object({ unit: z.string(), entries: z.number().int() })),
  /** The latest refused attempts, with their snapshots (the printed report shows them). */
  recentRefused: z.array(accessEventItemSchema),
})
export type AccessReport = z.infer<typeof accessReportSchema>
