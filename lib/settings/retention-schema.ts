// How long each kind of history is kept, as the API shows and takes it (browser-safe); the classes, defaults and
// limits are in retention-classes.ts (zod-free, for the settings page's first load).
import { z } from 'zod'
import { isoTimeSchema } from '@/lib/http/page'
import { RETENTION_CLASSES, RETENTION_LIMITS, type RetentionClass } from '@/lib/settings/retention-classes'

export {
  DEFAULT_RETENTION_DAYS,
  RETENTION_CLASSES,
  RETENTION_LIMITS,
  type RetentionClass,
  type RetentionDays,
} from '@/lib/settings/retention-classes'

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
