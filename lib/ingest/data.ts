// Admin diagnostics: inbound messages the product could not (fully) understand. Nothing is dropped: these are
// kept with their raw payload and the reason, so an admin can see what a device sends that is not mapped yet.
import type { Db } from '@/lib/db/client'
import { INBOUND_OUTCOMES, type InboundMessageItem, type InboundQuery } from '@/lib/ingest/schema'
import { storedValue } from '@/lib/domain/enums'
import { beforeCursor, decodeCursor, pageOf } from '@/lib/http/cursor'

const PREVIEW_CHARS = 4000

export async function listInboundMessages(db: Db, query: InboundQuery) {
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
      outcome: storedValue(INBOUND_OUTCOMES, r.outcome, 'InboundMessage.outcome'),
      reason: r.reason,
      deviceTuyaId: r.deviceTuyaId,
      payload: r.payload.length > PREVIEW_CHARS ? `${r.payload.slice(0, PREVIEW_CHARS)}…` : r.payload,
    })),
    nextCursor: page.nextCursor,
  }
}
