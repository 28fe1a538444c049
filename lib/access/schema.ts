import { z } from 'zod'
import { because } from '@/lib/http/field-issues'
import { QUICK_RANGES } from '@/lib/access/access-constants'
import { accessMethodSchema, accessResultSchema } from '@/lib/domain/enums'
import { limitSchema } from '@/lib/http/cursor'
import { isoTimeSchema, pageSchema } from '@/lib/http/page'

/** An instant: ISO-8601 with `Z` or an offset (a time without one would be read in the server's own zone). */
export const isoTime = (name: string) =>
  z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)), {
      message: `${name}: an ISO-8601 time with Z or an offset`,
      params: because('invalid_date'),
    })
    .transform((v) => new Date(v))

export { NEARBY_WINDOW_MINUTES, QUICK_RANGES } from '@/lib/access/access-constants'
export const quickRangeSchema = z.enum(QUICK_RANGES, { error: `range: one of ${QUICK_RANGES.join(', ')}` })
export type QuickRange = z.infer<typeof quickRangeSchema>

export const accessQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  /** A quick range instead of from/to. */
  range: quickRangeSchema.optional(),
  from: isoTime('from').optional(),
  to: isoTime('to').optional(),
  method: accessMethodSchema.optional(),
  deviceId: z.string().min(1).optional(),
  residentId: z.string().min(1).optional(),
  result: accessResultSchema.optional(),
  /** A unit's label (e.g. `4B`): events of the residents who live there. */
  unit: z.string().trim().min(1, 'unit: a unit label').max(60, 'unit: at most 60 characters').optional(),
})
export type AccessQuery = z.infer<typeof accessQuerySchema>

/** One access event as REST, the live stream and the CSV export show it. */
export const accessEventItemSchema = z.object({
  id: z.string(),
  occurredAt: isoTimeSchema,
  receivedAt: isoTimeSchema,
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  method: accessMethodSchema,
  result: accessResultSchema,
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  snapshotUrl: z.string().nullable(),
  /** Recovered by reconciliation after downtime (history only: it never rang or alerted). */
  backfilled: z.boolean(),
})
export type AccessEventItem = z.infer<typeof accessEventItemSchema>
export const accessEventPageSchema = pageSchema(accessEventItemSchema)

/** One event with what a manager checks when investigating it (GET /api/access-events/{id}). */
export const accessEventDetailSchema = z.object({
  event: accessEventItemSchema.extend({
    /** How the device reported it (`accessRecord`, `unlock_fingerprint` …) and the slot it named, if any. */
    sourceCode: z.string(),
    credentialSlot: z.string().nullable(),
    /** The resident's unit as it is now. */
    unit: z.string().nullable(),
  }),
  /** The resident's enrolled face photo (a face credential's photo), to compare with the snapshot. */
  enrolledPhotoUrl: z.string().nullable(),
  /** The message the event came from, as received; absent for roles without diagnostics.read, null once purged. */
  rawMessage: z
    .object({
      id: z.string(),
      source: z.string(),
      shape: z.string(),
      receivedAt: isoTimeSchema,
      payload: z.string(),
    })
    .nullable()
    .optional(),
  /** The door call this opening ended or happened during; absent for roles that may not read calls. */
  call: z
    .object({
      id: z.string(),
      state: z.string(),
      startedAt: isoTimeSchema,
      endedAt: isoTimeSchema.nullable(),
      answeredByName: z.string().nullable(),
    })
    .nullable()
    .optional(),
  /** The alarm raised on this door around this event (e.g. repeated failures); absent without alarms.read. */
  alarm: z
    .object({
      id: z.string(),
      type: z.string(),
      priority: z.string(),
      state: z.string(),
      count: z.number().int(),
      firstAt: isoTimeSchema,
      lastAt: isoTimeSchema,
    })
    .nullable()
    .optional(),
  /** The same door's events within NEARBY_WINDOW_MINUTES either side, oldest first, this one included. */
  nearby: z.array(accessEventItemSchema),
})
export type AccessEventDetail = z.infer<typeof accessEventDetailSchema>
