// The resident register as the API shows it, and its filters.
import { z } from 'zod'
import { limitSchema } from '@/lib/http/cursor'
import { isoTimeOrNull, pageSchema } from '@/lib/http/page'

export const residentQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  q: z.string().trim().max(100).optional(),
})
export type ResidentQuery = z.infer<typeof residentQuerySchema>

const countsOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>)

export const residentItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  building: z.string().nullable(),
  status: z.string(),
  validFrom: isoTimeOrNull,
  validUntil: isoTimeOrNull,
  /** Credentials held, by kind. */
  credentials: countsOf(['face', 'card', 'pin'] as const),
  /** Devices by push state of this resident's credentials. */
  sync: countsOf(['pending', 'synced', 'failed'] as const),
})
export type ResidentItem = z.infer<typeof residentItemSchema>
export const residentPageSchema = pageSchema(residentItemSchema)
