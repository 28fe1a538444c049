// Access history reads: filters on occurredAt, method, device, resident (or a unit's residents), result; newest
// first; keyset cursor. The list returns one page through Prisma; the export reads every matching event in large
// batches of raw SQL (the same filter written as SQL conditions, which the report's counts use too).
import { resolveAccessFilter, type ResolvedAccessFilter } from '@/lib/access/access-filter'
import { accessEventInclude, accessEventOmit, toAccessEventItem } from '@/lib/access/access-item'
import type { AccessEventItem, AccessQuery } from '@/lib/access/schema'
import { openBulkConnection } from '@/lib/db/bulk-read'
import { emptySql, joinSql, sql, sqlOf, type Db, type DbProvider, type Sql } from '@/lib/db/client'
import { ACCESS_METHODS, ACCESS_RESULTS, storedValue } from '@/lib/domain/enums'
import { apiPaths } from '@/lib/http/api-paths'
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

/** A column of "AccessEvent", qualified by the statement's alias for the table (if any). */
const accessColumn = (alias: string, name: string): Sql => sqlOf([`${alias ? `${alias}.` : ''}"${name}"`], [])

/**
 * The filter as raw SQL conditions over "AccessEvent", selecting the rows accessWhere selects through Prisma (the
 * same text on SQLite and PostgreSQL; Prisma binds the values and converts Dates as model queries do, so a time
 * compares exactly like a stored one). `timeOrdered`: the rows are read in time order (a keyset page), so with a
 * resident filter the other equalities become one-value ranges, for the reason accessWhere gives.
 */
export function accessConditionsSql(
  filter: ResolvedAccessFilter,
  { alias = '', timeOrdered = false }: { alias?: string; timeOrdered?: boolean } = {},
): Sql[] {
  const column = (name: string) => accessColumn(alias, name)
  const residentIds = filter.residentIds
  const equals = (name: string, value: string) =>
    timeOrdered && residentIds
      ? sql`${column(name)} >= ${value} AND ${column(name)} <= ${value}`
      : sql`${column(name)} = ${value}`
  const parts: Sql[] = []
  if (filter.method) parts.push(equals('method', filter.method))
  if (filter.result) parts.push(equals('result', filter.result))
  if (filter.deviceId) parts.push(equals('deviceId', filter.deviceId))
  if (residentIds) {
    if (residentIds.length === 0) parts.push(sql`1 = 0`)
    else if (residentIds.length === 1) parts.push(sql`${column('residentId')} = ${residentIds[0]}`)
    else parts.push(sql`${column('residentId')} IN (${joinSql(residentIds)})`)
  }
  if (filter.from) parts.push(sql`${column('occurredAt')} >= ${filter.from}`)
  if (filter.to) parts.push(sql`${column('occurredAt')} <= ${filter.to}`)
  return parts
}

/**
 * Strictly after the cursor in (occurredAt desc, id desc) order, as beforeCursor writes it for Prisma (the redundant
 * `occurredAt <= at` gives both planners a range). PostgreSQL gets the same condition as a row comparison, which it
 * reads as a bound on the (occurredAt, id) index: the OR form's poor row estimate made it sort a whole day's events
 * for each batch deep in the history.
 */
function afterCursorSql(cursor: Cursor | null, alias: string, provider: DbProvider = 'sqlite'): Sql[] {
  if (!cursor) return []
  const at = accessColumn(alias, 'occurredAt')
  const id = accessColumn(alias, 'id')
  const after =
    provider === 'postgresql'
      ? sql`(${at}, ${id}) < (${cursor.at}, ${cursor.id})`
      : sql`(${at} < ${cursor.at} OR (${at} = ${cursor.at} AND ${id} < ${cursor.id}))`
  return [sql`${at} <= ${cursor.at}`, after]
}

export const whereSql = (parts: Sql[]): Sql => (parts.length ? sql`WHERE ${joinSql(parts, ' AND ')}` : emptySql)

/**
 * An exported event: the wire item toAccessEventItem makes of it (what the list shows), except that its two times
 * are milliseconds since the epoch, which the export writes in the building's zone with no ISO string between.
 */
export type AccessExportRow = Omit<AccessEventItem, 'occurredAt' | 'receivedAt'> & {
  occurredAt: number
  receivedAt: number
}

/**
 * A stored time as the export reads it. PostgreSQL: milliseconds since the epoch, computed by the server (exact for
 * `timestamp(3)`; a number parses cheaper than any date text). SQLite: the text Prisma's adapter wrote
 * (`2026-11-30T14:15:03.079+00:00`), which Date.parse reads as UTC.
 */
function timeColumn(provider: DbProvider, name: string): Sql {
  return provider === 'postgresql'
    ? sql`CAST(EXTRACT(EPOCH FROM ${accessColumn('e', name)}) * 1000 AS BIGINT)`
    : sql`CAST(${accessColumn('e', name)} AS TEXT)`
}

/** Milliseconds of a time read by timeColumn: digits (PostgreSQL, or epoch milliseconds SQLite may hold) or ISO text. */
function readTime(value: unknown): number {
  if (typeof value === 'number') return value
  const text = String(value)
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text)
  if (Number.isNaN(ms)) throw new Error(`AccessEvent: stored time ${JSON.stringify(text)} is not a time`)
  return ms
}

/**
 * One export batch: the columns exportRowOf reads, by position. The stored snapshot's id is a subquery per returned
 * row, not a join, so no planner may choose to hash the whole Snapshot table for a batch.
 */
function exportBatchSql(provider: DbProvider, filter: ResolvedAccessFilter, cursor: Cursor | null, take: number) {
  const conditions = [
    ...accessConditionsSql(filter, { alias: 'e', timeOrdered: true }),
    ...afterCursorSql(cursor, 'e', provider),
  ]
  return sql`
    SELECT e."id", ${timeColumn(provider, 'occurredAt')}, ${timeColumn(provider, 'receivedAt')}, e."deviceId",
           e."method", e."result", e."residentId", e."residentName",
           (SELECT s."id" FROM "Snapshot" s WHERE s."id" = e."snapshotId" AND s."state" = 'stored'), e."backfilled"
    FROM "AccessEvent" e
    ${whereSql(conditions)}
    ORDER BY e."occurredAt" DESC, e."id" DESC
    LIMIT ${take}`
}

type Text = string | null

/** A row of exportBatchSql as the list's item would show it; door names come from `doors` (id → name). */
function exportRowOf(row: unknown[], doors: Map<string, string>): AccessExportRow {
  const deviceId = row[3] as Text
  const storedSnapshotId = row[8] as Text
  return {
    id: row[0] as string,
    occurredAt: readTime(row[1]),
    receivedAt: readTime(row[2]),
    deviceId,
    deviceName: deviceId === null ? null : (doors.get(deviceId) ?? null),
    method: storedValue(ACCESS_METHODS, row[4] as string, 'AccessEvent.method'),
    result: storedValue(ACCESS_RESULTS, row[5] as string, 'AccessEvent.result'),
    residentId: row[6] as Text,
    residentName: row[7] as Text,
    snapshotUrl: storedSnapshotId === null ? null : apiPaths.snapshot(storedSnapshotId),
    backfilled: row[9] === true || row[9] === 1,
  }
}

/**
 * Every event matching the filter, newest first (ties broken by id), in batches of `batchSize` (keyset paged:
 * memory stays flat at any size), at most `maxRows` in all: the CSV export's reader. One raw statement per batch
 * on a bulk connection of its own (lib/db/bulk-read.ts), where Prisma's model reads spent most of the export's
 * time mapping rows (~75k rows/s). The next batch is already being read while the caller writes this one; at most
 * two batches are held at a time. export-parity.test.ts checks the rows are the list's, field for field.
 */
export async function* readAccessExportBatches(
  db: Db,
  filter: ResolvedAccessFilter,
  { batchSize, maxRows }: { batchSize: number; maxRows: number },
): AsyncGenerator<AccessExportRow[]> {
  if (maxRows <= 0) return
  // Door names read once (a building has tens of doors), not joined into every row.
  const doors = new Map((await db.device.findMany({ select: { id: true, name: true } })).map((d) => [d.id, d.name]))
  const connection = await openBulkConnection(db)
  // A batch is one short index range: PostgreSQL's parallel workers would only compete with the export for cores.
  if (connection.provider === 'postgresql')
    await connection.rows(sqlOf(['SET max_parallel_workers_per_gather = 0'], []))
  const read = (cursor: Cursor | null, take: number) =>
    connection.rows(exportBatchSql(connection.provider, filter, cursor, take))
  let pending: Promise<unknown[][]> | null = read(null, Math.min(batchSize, maxRows))
  let total = 0
  try {
    while (pending) {
      const rows: unknown[][] = await pending
      pending = null
      if (rows.length === 0) return
      total += rows.length
      const last = rows[rows.length - 1]
      if (rows.length === batchSize && total < maxRows)
        pending = read({ at: new Date(readTime(last[1])), id: last[0] as string }, Math.min(batchSize, maxRows - total))
      yield rows.map((row) => exportRowOf(row, doors))
    }
  } finally {
    // The reader stopped early (client gone): the read ahead is dropped, its failure with it.
    await pending?.catch(() => undefined)
    await connection.close()
  }
}
