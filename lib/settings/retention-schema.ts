// How long each kind of history is kept, as the API shows and takes it (browser-safe). Days per class, with
// residential defaults (docs/retention.md): faces and raw device messages go first, the access history after a
// year, the audit trail after two.
import { z } from 'zod'
import { isoTimeSchema } from '@/lib/http/page'

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

export const RETENTION_LABELS: Record<RetentionClass, string> = {
  accessEvents: 'Access events',
  snapshots: 'Snapshots (face captures; enrolled photos are kept while their credential exists)',
  rawMessages: 'Raw device messages',
  calls: 'Door calls',
  alarms: 'Resolved alarms',
  auditLog: 'Audit trail',
  signInThrottle: 'Sign-in throttle counters',
}

const countsSchema = z.object(
  Object.fromEntries(RETENTION_CLASSES.map((c) => [c, z.number().int().nonnegative()])) as Record<
    RetentionClass,
    z.ZodNumber
  >,
)

export const retentionSettingsSchema = z.object({
  days: countsSchema,
  defaults: countsSchema,
  /** What a purge run now would remove, per class. */
  nextPurge: countsSchema,
  /** The last completed purge (any instance), or null. */
  lastPurge: z.object({ at: isoTimeSchema, removed: countsSchema }).nullable(),
})
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>

export const retentionInputSchema = z.strictObject({
  days: z.strictObject(
    Object.fromEntries(
      RETENTION_CLASSES.map((c) => [
        c,
        z
          .number({ error: `days.${c}: a whole number of days` })
          .int(`days.${c}: a whole number of days`)
          .min(RETENTION_LIMITS[c].min, `days.${c}: at least ${RETENTION_LIMITS[c].min}`)
          .max(RETENTION_LIMITS[c].max, `days.${c}: at most ${RETENTION_LIMITS[c].max}`)
          .optional(),
      ]),
    ) as Record<RetentionClass, z.ZodOptional<z.ZodNumber>>,
  ),
})
export type RetentionInput = z.infer<typeof retentionInputSchema>
