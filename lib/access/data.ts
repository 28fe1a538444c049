// Access history reads: filters on occurredAt, method, device, resident (or a unit's residents), result; newest
// first; keyset cursor. The list returns one page; the export reads every matching event in batches; the detail
// view reads one event with what surrounds it.
import { resolveAccessFilter, type ResolvedAccessFilter } from '@/lib/access/access-filter'
import { accessEventInclude, accessEventOmit, toAccessEventItem } from '@/lib/access/access-item'
import type { AccessEventItem, AccessQuery } from '@/lib/access/schema'
import type { Db } from '@/lib/db/client'
import { beforeCursor, decodeCursor, pageOf, type Cursor } from '@/lib/http/cursor'

/** The filters as the API takes them (see access-filter.ts for how they resolve). */
export type AccessFilter = Omit<AccessQuery, 'limit' | 'cursor'>

export function accessWhere(filter: ResolvedAccessFilter) {
  const residentIds = filter.residentIds
  return {
    ...(filter.method ? { method: filter.method } : {}),
    ...(filter.result ? { result: filter.result } : {}),
    ...(filter.deviceId ? { deviceId: filter.deviceId } : {}),
    ...(residentIds
      ? residentIds.length === 1
        ? { residentId: residentIds[0] }
        : { residentId: { in: residentIds } }
      : {}),
    ...(filter.from || filter.to
      ? { occurredAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {}),
  }
}

/** Up to `take` events after the cursor, newest first (ties broken by id), with what their items show. */
function findAfterCursor(db: Db, filter: ResolvedAccessFilter, cursor: Cursor | null, take: number) {
  return db.accessEvent.findMany({
    where: { AND: [accessWhere(filter), beforeCursor('occurredAt', cursor)] },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take,
    include: accessEventInclude,
    omit: accessEventOmit,
  })
}

export async function listAccessEvents(db: Db, query: AccessQuery, now = new Date()) {
  const filter = await resolveAccessFilter(db, query, now)
  const rows = await findAfterCursor(db, filter, decodeCursor(query.cursor), query.limit + 1)
  const page = pageOf(rows, query.limit, (r) => r.occurredAt)
  return { items: page.items.map(toAccessEventItem), nextCursor: page.nextCursor }
}

/**
 * Every event matching the filter, newest first, as items in batches of `batchSize` (keyset-paged, so memory stays
 * flat at any size), at most `maxRows` in all. The next batch is read only when the caller asks for it.
 */
export async function* readAccessEventBatches(
  db: Db,
  filter: ResolvedAccessFilter,
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
