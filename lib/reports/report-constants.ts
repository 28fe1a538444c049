// Report values the browser needs at run time, zod-free (lib/reports/schema.ts builds on them).

/** Weekdays in report order, Monday first (index 0), as the hour × weekday grid lists them. */
export const REPORT_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
/** How many residents and units the "busiest" lists hold; how many refused attempts are shown with snapshots. */
export const REPORT_TOP = 10
export const REPORT_RECENT_REFUSED = 12
