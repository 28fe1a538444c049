// The classes of history retention applies to, their residential defaults (docs/retention.md) and limits: faces
// and raw device messages go first, the access history after a year, the audit trail after two. Zod-free, so the
// settings page can show them without loading the schema library first.

export const RETENTION_CLASSES = [
  'accessEvents',
  'snapshots',
  'rawMessages',
  'calls',
  'alarms',
  'auditLog',
  'signInThrottle',
] as const
export type RetentionClass = (typeof RETENTION_CLASSES)[number]
export type RetentionDays = Record<RetentionClass, number>

export const DEFAULT_RETENTION_DAYS: RetentionDays = {
  accessEvents: 365,
  snapshots: 30,
  rawMessages: 30,
  calls: 180,
  alarms: 365,
  auditLog: 730,
  signInThrottle: 7,
}

/** The shortest and longest window each class accepts (the audit trail must outlive an investigation). */
export const RETENTION_LIMITS: Record<RetentionClass, { min: number; max: number }> = {
  accessEvents: { min: 7, max: 3650 },
  snapshots: { min: 1, max: 3650 },
  rawMessages: { min: 1, max: 3650 },
  calls: { min: 7, max: 3650 },
  alarms: { min: 30, max: 3650 },
  auditLog: { min: 90, max: 3650 },
  signInThrottle: { min: 1, max: 365 },
}
