// Inbound messages as the admin diagnostics page shows them, and its filters.
import { z } from 'zod'
import { limitSchema } from '@/lib/http/cursor'
import { isoTimeSchema, pageSchema } from '@/lib/http/page'

export const INBOUND_OUTCOMES = ['unrecognised', 'partial', 'processed'] as const

export const inboundQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  outcome: z.enum(INBOUND_OUTCOMES).default('unrecognised'),
  deviceTuyaId: z.string().min(1).optional(),
})
export type InboundQuery = z.infer<typeof inboundQuerySchema>

export const inboundMessageItemSchema = z.object({
  id: z.string(),
  receivedAt: isoTimeSchema,
  /** webhook, mq or backfill. */
  source: z.string(),
  shape: z.string(),
  outcome: z.enum(INBOUND_OUTCOMES),
  reason: z.string().nullable(),
  deviceTuyaId: z.string().nullable(),
  /** The raw payload, cut to a preview. */
  payload: z.string(),
})
export type InboundMessageItem = z.infer<typeof inboundMessageItemSchema>
export const inboundMessagePageSchema = pageSchema(inboundMessageItemSchema)
