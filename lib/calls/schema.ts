// The call as REST and the live stream show it.
import { z } from 'zod'
import { callStateSchema, deviceCategorySchema } from '@/lib/domain/enums'
import { isoTimeOrNull, isoTimeSchema, pageSchema } from '@/lib/http/page'

export const callItemSchema = z.object({
  id: z.string(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  deviceLocation: z.string().nullable(),
  /** Whether the call dialog may try the live view (only door stations stream, docs/live-view.md). */
  deviceCategory: deviceCategorySchema.nullable(),
  state: callStateSchema,
  startedAt: isoTimeSchema,
  endedAt: isoTimeOrNull,
  /** The operator who answered, by name. */
  answeredBy: z.string().nullable(),
  snapshotUrl: z.string().nullable(),
  backfilled: z.boolean(),
  /** A missed call marked seen by a guard (it leaves the "Missed calls" list), and by whom. */
  seenAt: isoTimeOrNull,
  seenBy: z.string().nullable(),
  /**
   * The resident the door station recognised as the caller (by the person id it reported), as the register holds
   * them: name, unit and current enrolled face photo (null when none is stored). Null when it named nobody known.
   */
  caller: z
    .object({
      residentId: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      photoUrl: z.string().nullable(),
    })
    .nullable(),
})
export type CallItem = z.infer<typeof callItemSchema>
export const callPageSchema = pageSchema(callItemSchema)
