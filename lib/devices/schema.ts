// The device as REST and the live stream show it.
import { z } from 'zod'
import { deviceCategorySchema } from '@/lib/domain/enums'
import { isoTimeOrNull, pageSchema } from '@/lib/http/page'

export const deviceItemSchema = z.object({
  id: z.string(),
  /** Tuya's device id (what the simulator's control API and Tuya's console show). */
  tuyaId: z.string(),
  name: z.string(),
  category: deviceCategorySchema,
  location: z.string().nullable(),
  online: z.boolean(),
  lastSeenAt: isoTimeOrNull,
  /** Last reported battery level in percent, for battery-powered locks. */
  battery: z.number().nullable(),
})
export type DeviceItem = z.infer<typeof deviceItemSchema>
export const devicePageSchema = pageSchema(deviceItemSchema)

/** What POST /api/devices/{id}/unlock answers: whether the door accepted the command, and Tuya's own error. */
export const unlockOutcomeSchema = z.object({
  ok: z.boolean(),
  deviceId: z.string(),
  accepted: z.boolean(),
  tuya: z.object({ code: z.union([z.number(), z.string()]), msg: z.string(), tid: z.string().optional() }).optional(),
})
export type UnlockOutcome = z.infer<typeof unlockOutcomeSchema>
