// The audit trail as the API shows it, and its filters.
import { z } from 'zod'
import { limitSchema } from '@/lib/http/cursor'
import { isoTimeSchema, pageSchema } from '@/lib/http/page'

export const auditQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  action: z.string().max(80).optional(),
  actorId: z.string().optional(),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

export const auditItemSchema = z.object({
  id: z.string(),
  at: isoTimeSchema,
  /** Who acted, as they were known at the time (an email, `system`, or `token:<prefix>`). */
  actor: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.unknown(),
})
export type AuditItem = z.infer<typeof auditItemSchema>
export const auditPageSchema = pageSchema(auditItemSchema)
