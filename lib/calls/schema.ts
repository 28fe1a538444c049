// The call as REST and the live stream show it.
import { z } from 'zod'
import { callStateSchema } from '@/lib/domain/enums'
import { isoTimeOrNull, isoTimeSchema, pageSchema } from '@/lib/http/page'

export const callItemSchema = z.object({
  id: z.string(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  state: callStateSchema,
  startedAt: isoTimeSchema,
  endedAt: isoTimeOrNull,
  /** The operator who answered, by name. */
  answeredBy: z.string().nullable(),
  snapshotUrl: z.string().nullable(),
  backfilled: z.boolean(),
})
export type CallItem = z.infer<typeof callItemSchema>
export const callPageSchema = pageSchema(callItemSchema)
