// Access history reads: filters on occurredAt, method, device, resident, result; newest first; keyset cursor. The
// list returns one page; the export reads every matching event in batches.
import { accessEventInclude, accessEventOmit, toAccessEventItem } from '@/lib/access/access-item'
import type { AccessEventItem, AccessQuery } from '@/lib/access/schema'
import type { Db } from '@/lib/db/client'
import { beforeCursor, decodeCursor, pageOf, type Cursor } from '@/lib/http/cursor'

export type AccessFilter = Omit<AccessQuery, 'limit' | 'cursor'>

export function accessWhere(query: AccessFilter) {
  return {
    ...(query.method ? { method: query.method } : {}),
    ...(query.result ? { result: query.result } : {}),
    ...(query.deviceId ? { deviceId: query.deviceId } : {}),
    ...(query.residentId ? { residentId: query.residentId } : {}),
    ...(query.from || query.to
      ? { occurredAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } }
      : {}),
  }
}

/** Up to `take` events after the cursor, newest first (ties broken by id), with what their items show. */
function findAfterCursor(db: Db, filter: AccessFilter, cursor: Cursor | null, take: number) {
  return db.accessEvent.findMany({
    where: { AND: [accessWhere(filter), beforeCursor('occurredAt', cursor)] },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take,
    include: accessEventInclude,
    omit: accessEventOmit,
  })
}

export async function listAccessEvents(db: Db, query: AccessQuery) {
  const rows = await findAfterCursor(db, query, decodeCursor(query.cursor), query.limit + 1)
  const page = pageOf(rows, query.limit, (r) => r.occurredAt)
  return { items: page.items.map(toAccessEventItem), nextCursor: page.nextCursor }
}

/**
 * Every event matching the filter, newest first, as items in batches of `batchSize` (keyset-paged, so memory stays
 * flat at any size), at most `maxRows` in all. The next batch is read only when the caller asks for it.
 */
export async function* readAccessEventBatches(
  db: Db,
  filter: AccessFilter,
  { batchSize, maxRows }: { batchSize: number; maxRows: number },
): AsyncGenerator<AccessEventItem[]> {
  let cursor: Cursor | null = null
  let read = 0
  while (read < maxRows) {
    const rows = await findAfterCursor(db, filter, cursor, Math.min(batchSize, maxRows - read))
    if (rows.length === 0) return
    read += rows.length
    yield rows.map(toAccessEventItem)
    if (rows.length < batchSize) return
    const last = rows[rows.length - 1]
    cursor = { at: last.occurredAt, id: last.id }
  }
}
