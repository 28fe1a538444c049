// Where each device stands with one resident, as the API and the live stream show it.
import { z } from 'zod'
import { syncStateSchema } from '@/lib/domain/enums'
import { isoTimeOrNull } from '@/lib/http/page'

export const syncItemSchema = z.object({
  id: z.string(),
  residentId: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  state: syncStateSchema,
  /** Tuya's code and message (or ours, e.g. `device_offline`) for the last failed attempt. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  attempts: z.number().int(),
  /** What cannot reach this device and why (e.g. faces and cards on a residential lock); not a failure. */
  notes: z.array(z.string()),
  /** When the next automatic attempt is due, for a pending or failed row. */
  nextAttemptAt: isoTimeOrNull,
  updatedAt: z.string(),
})
export type SyncItem = z.infer<typeof syncItemSchema>

export const residentSyncSchema = z.object({ items: z.array(syncItemSchema) })
export type ResidentSync = z.infer<typeof residentSyncSchema>

/** POST /api/residents/{id}/sync/retry: one device, or every device not in sync. */
export const retrySyncSchema = z.strictObject({ deviceId: z.string().trim().min(1).max(100).optional() })
export type RetrySyncInput = z.infer<typeof retrySyncSchema>
