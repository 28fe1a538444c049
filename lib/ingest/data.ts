// Admin diagnostics: inbound messages the product could not (fully) understand. Nothing is dropped: these are
// kept with their raw payload and the reason, so an admin can see what a device sends that is not mapped yet.
import { z } from 'zod'
import type { Db } from '@/lib/db/client'
import { beforeCursor, decodeCursor, limitSchema, pageOf } from '@/lib/http/cursor'

export const inboundQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  outcome: z.enum(['unrecognised', 'partial', 'processed']).default('unrecognised'),
  deviceTuyaId: z.string().min(1).optional(),
})

export type InboundMessageItem = {
  id: string
  receivedAt: string
  source: string
  shape: string
  outcome: string
  reason: string | null
  deviceTuyaId: string | null
  payload: string
}

const PREVIEW_CHARS = 4000

export async function listInboundMessages(db: Db, query: z.infer<typeof inboundQuerySchema>) {
  const rows = await db.inboundMessage.findMany({
    where: {
      AND: [
        { outcome: query.outcome, ...(query.deviceTuyaId ? { deviceTuyaId: query.deviceTuyaId } : {}) },
        beforeCursor('receivedAt', decodeCursor(query.cursor)),
      ],
    },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  })
  const page = pageOf(rows, query.limit, (r) => r.receivedAt)
  return {
    items: page.items.map((r): InboundMessageItem => ({
      id: r.id,
      receivedAt: r.receivedAt.toISOString(),
      source: r.source,
      shape: r.shape,
      outcome: r.outcome,
      reason: r.reason,
      deviceTuyaId: r.deviceTuyaId,
      payload: r.payload.length > PREVIEW_CHARS ? `${r.payload.slice(0, PREVIEW_CHARS)}…` : r.payload,
    })),
    nextCursor: page.nextCursor,
  }
}
