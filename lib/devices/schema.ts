// The device as REST and the live stream show it.
import { z } from 'zod'
import { accessEventItemSchema } from '@/lib/access/schema'
import { alarmItemSchema } from '@/lib/alarms/schema'
import { callItemSchema } from '@/lib/calls/schema'
import { deviceCategorySchema } from '@/lib/domain/enums'
import { isoTimeOrNull, isoTimeSchema, pageSchema } from '@/lib/http/page'

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

/** How many of each kind of recent event the device page shows. */
export const DEVICE_RECENT_LIMIT = 10

/**
 * GET /api/devices/{id}: one device with what the cloud says of it (product id, name and model, firmware, Tuya
 * category), the last thing it reported, and its recent access events, calls and alarms, newest first.
 */
export const deviceDetailSchema = z.object({
  device: deviceItemSchema.extend({
    productId: z.string().nullable(),
    /** Product name and model as Tuya reports them; null until read. */
    productName: z.string().nullable(),
    productModel: z.string().nullable(),
    /** Firmware modules by channel (0 main module, 9 MCU) and the version each runs; [] until read. */
    firmware: z.array(z.object({ type: z.number().int(), version: z.string() })),
    /** When model and firmware were last read from the cloud (null: not yet). */
    detailsReadAt: isoTimeOrNull,
    tuyaCategory: z.string().nullable(),
    /** Last-known data points the device reported (code → value; scalars, long text cut), for maintenance. */
    dataPoints: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  }),
  lastEvent: z.object({ kind: z.enum(['access', 'call', 'alarm']), at: isoTimeSchema }).nullable(),
  accessEvents: z.array(accessEventItemSchema),
  calls: z.array(callItemSchema),
  alarms: z.array(alarmItemSchema),
})
export type DeviceDetail = z.infer<typeof deviceDetailSchema>
