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

/**
 * The filter as a Prisma `where`. With a resident filter, the other equalities are written as one-value ranges
 * (`method >= 'face' AND method <= 'face'`): SQLite plans without statistics, and given `method = ?` it walks the
 * (method, occurredAt) index in time order looking for a rare resident's rows (every face event, 0.3 s at 1M),
 * while a range on method cannot give that order, so the (residentId, occurredAt) index is used instead.
 */
export function accessWhere(filter: ResolvedAccessFilter) {
  const residentIds = filter.residentIds
  const eq = <T extends string>(value: T) => (residentIds ? { gte: value, lte: value } : value)
  return {
    ...(filter.method ? { method: eq(filter.method) } : {}),
    ...(filter.result ? { result: eq(filter.result) } : {}),
    ...(filter.deviceId ? { deviceId: eq(filter.deviceId) } : {}),
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

/** Above this many residents (a large unit), one IN query; below it, one index range per resident, merged. */
const MERGE_RESIDENTS_UP_TO = 16

/** Up to `take` events after the cursor, newest first (ties broken by id), with what their items show. */
async function findAfterCursor(db: Db, filter: ResolvedAccessFilter, cursor: Cursor | null, take: number) {
  const residentIds = filter.residentIds ?? []
  if (residentIds.length < 2 || residentIds.length > MERGE_RESIDENTS_UP_TO)
    return findOneRange(db, filter, cursor, take)
  // A unit's residents: `residentId IN (…)` ordered by time makes both databases read every event of those
  // residents and sort them (0.3 s for a busy unit at 1M rows). Each resident's newest `take` events come straight
  // off the (residentId, occurredAt) index instead; the merge keeps the overall newest `take`.
  const parts = await Promise.all(
    residentIds.map((residentId) => findOneRange(db, { ...filter, residentIds: [residentId] }, cursor, take)),
  )
  return parts
    .flat()
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, take)
}

function findOneRange(db: Db, filter: ResolvedAccessFilter, cursor: Cursor | null, take: number) {
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
 * flat at any size), at most `maxRows` in all. Built for the CSV export: the rows are read without relations
 * (Prisma's include costs about twice the plain read), door names come from one read of the devices and snapshot
 * states from one read per batch, and the next batch is already being read while the caller writes this one (the
 * database and the formatting use both cores). At most two batches are held at a time.
 */
export async function* readAccessEventBatches(
  db: Db,
  filter: ResolvedAccessFilter,
  { batchSize, maxRows }: { batchSize: number; maxRows: number },
): AsyncGenerator<AccessEventItem[]> {
  const devices = new Map((await db.device.findMany({ select: { id: true, name: true } })).map((d) => [d.id, d]))
  const readBatch = async (cursor: Cursor | null, take: number) => {
    const rows = await findPlainAfterCursor(db, filter, cursor, take)
    const snapshotIds = rows.flatMap((r) => (r.snapshotId ? [r.snapshotId] : []))
    const snapshots = snapshotIds.length
      ? await db.snapshot.findMany({ where: { id: { in: snapshotIds } }, select: { id: true, state: true } })
      : []
    return { rows, snapshots: new Map(snapshots.map((snapshot) => [snapshot.id, snapshot])) }
  }
  let read = 0
  let pending: ReturnType<typeof readBatch> | null = maxRows > 0 ? readBatch(null, Math.min(batchSize, maxRows)) : null
  try {
    while (pending) {
      const { rows, snapshots } = await pending
      pending = null
      read += rows.length
      const last = rows.at(-1)
      if (last && rows.length === batchSize && read < maxRows)
        pending = readBatch({ at: last.occurredAt, id: last.id }, Math.min(batchSize, maxRows - read))
      if (rows.length === 0) return
      // Relations attached in place: a copy of every row is a measurable part of the export's garbage.
      yield rows.map((row) =>
        toAccessEventItem(
          Object.assign(row, {
            device: row.deviceId ? (devices.get(row.deviceId) ?? null) : null,
            snapshot: row.snapshotId ? (snapshots.get(row.snapshotId) ?? null) : null,
          }),
        ),
      )
    }
  } finally {
    // The reader stopped early (client gone): the read ahead is dropped, its failure with it.
    pending?.catch(() => undefined)
  }
}

/** As findAfterCursor, without relations (one index range; a unit's residents are few enough for IN here). */
function findPlainAfterCursor(db: Db, filter: ResolvedAccessFilter, cursor: Cursor | null, take: number) {
  return db.accessEvent.findMany({
    where: { AND: [accessWhere(filter), beforeCursor('occurredAt', cursor)] },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take,
    omit: accessEventOmit,
  })
}
