// The audit trail as the API shows it, and its filters: who (a user id or the label the trail names them by, e.g.
// their email), what (an action, or a family of actions as `access.*`), when (from/to), on what object
// (`<type>:<id>`, `<type>:` for every object of a type, or an id alone).
import { z } from 'zod'
import { isoTime } from '@/lib/access/schema'
import { limitSchema } from '@/lib/http/cursor'
import { isoTimeSchema, pageSchema } from '@/lib/http/page'

export const auditFilterSchema = z.object({
  user: z.string().trim().min(1).max(200).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[\w.-]+\*?$/, 'action: an action name such as access.export, or a prefix such as access.*')
    .max(80)
    .optional(),
  from: isoTime('from').optional(),
  to: isoTime('to').optional(),
  object: z.string().trim().min(1).max(200).optional(),
})
export type AuditFilter = z.infer<typeof auditFilterSchema>

export const auditQuerySchema = auditFilterSchema.extend({
  limit: limitSchema,
  cursor: z.string().optional(),
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

export { KNOWN_AUDIT_ACTIONS } from '@/lib/audit/audit-actions'
