// Access history as CSV: one column per field of the wire item (accessEventItemSchema, mapped by
// toAccessEventItem), so the export shows exactly what the list and the live stream show; times are the building's
// local time with its UTC offset (`2026-11-30T22:15:03+08:00`). Rows come from readAccessEventBatches (the list's
// filters, newest first, keyset-paged: flat memory at any size); cells are written by lib/reports/csv.ts
// (RFC 4180, formula-neutralised).
import { resolveAccessFilter } from '@/lib/access/access-filter'
import { readAccessEventBatches, type AccessFilter } from '@/lib/access/data'
import { accessEventItemSchema, type AccessEventItem } from '@/lib/access/schema'
import type { Db } from '@/lib/db/client'
import { csvByteStream, csvCell, csvLine } from '@/lib/reports/csv'
import { readBuildingTimeZone } from '@/lib/settings/building'
import { isoInZone } from '@/lib/time/zoned-time'

export { csvCell, csvLine } from '@/lib/reports/csv'

export type AccessCsvFilter = AccessFilter
export type AccessCsvOptions = {
  /** Rows per database round trip. */
  batchSize?: number
  /** Stop after this many rows (a cap on what one export may cost). */
  maxRows?: number
  /** Prefix for snapshot links, e.g. https://console.example; relative (/api/snapshots/…) without it. */
  origin?: string
  /** The zone times are written in (default: the building's). */
  timeZone?: string
  /** When quick ranges are resolved (default: now). */
  now?: Date
}

/** The header: the wire item's fields, in schema order. */
export const ACCESS_CSV_COLUMNS: readonly (keyof AccessEventItem)[] = accessEventItemSchema.keyof().options
const TIME_COLUMNS = new Set<keyof AccessEventItem>(['occurredAt', 'receivedAt'])

/** One item as a CSV line, its cells in header order (every item field is a string, boolean or null). */
function csvRecord(item: AccessEventItem, timeZone: string): string {
  let line = ''
  for (let i = 0; i < ACCESS_CSV_COLUMNS.length; i++) {
    const column = ACCESS_CSV_COLUMNS[i]
    const value = item[column]
    const cell =
      TIME_COLUMNS.has(column) && typeof value === 'string' ? isoInZone(Date.parse(value), timeZone) : csvCell(value)
    line += i === 0 ? cell : `,${cell}`
  }
  return `${line}\r\n`
}

/** Header, then one chunk of CSV text per batch of rows. */
export async function* streamAccessCsv(
  db: Db,
  filter: AccessCsvFilter,
  options: AccessCsvOptions = {},
): AsyncGenerator<string> {
  const origin = options.origin ?? ''
  const resolved = await resolveAccessFilter(db, filter, options.now)
  const timeZone = options.timeZone ?? (await readBuildingTimeZone(db))
  yield csvLine(ACCESS_CSV_COLUMNS)
  const batches = readAccessEventBatches(db, resolved, {
    batchSize: options.batchSize ?? 2000,
    maxRows: options.maxRows ?? Number.POSITIVE_INFINITY,
  })
  for await (const items of batches) {
    let chunk = ''
    for (const item of items) {
      if (origin && item.snapshotUrl) item.snapshotUrl = `${origin}${item.snapshotUrl}`
      chunk += csvRecord(item, timeZone)
    }
    yield chunk
  }
}

/** The same rows as a byte stream for a Response body; pulls a batch only when the client has read the last. */
export function accessCsvStream(
  db: Db,
  filter: AccessCsvFilter,
  options: AccessCsvOptions = {},
): ReadableStream<Uint8Array> {
  return csvByteStream(streamAccessCsv(db, filter, options))
}
