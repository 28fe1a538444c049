import { z } from 'zod'
import { accessMethodSchema, accessResultSchema } from '@/lib/domain/enums'
import { limitSchema } from '@/lib/http/cursor'

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
