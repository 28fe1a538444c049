import { z } from 'zod'
import { accessMethodSchema, accessResultSchema } from '@/lib/domain/enums'
import { limitSchema } from '@/lib/http/cursor'
import { isoTimeSchema, pageSchema } from '@/lib/http/page'

const isoTime = (name: string) =>
  z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), `${name}: an ISO-8601 time`)
    .transform((v) => new Date(v))

export const accessQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  from: isoTime('from').optional(),
  to: isoTime('to').optional(),
  method: accessMethodSchema.optional(),
  deviceId: z.string().min(1).optional(),
  residentId: z.string().min(1).optional(),
  result: accessResultSchema.optional(),
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
