// Access history as CSV: one column per field of the wire item (accessEventItemSchema), so the export shows exactly
// what the list and the live stream show; times are the building's local time with its UTC offset
// (`2026-11-30T22:15:03+08:00`). Rows come from readAccessExportBatches (data.ts: the list's filters, newest first,
// keyset-paged raw SQL: flat memory at any size); cells are written by lib/reports/csv.ts (RFC 4180,
// formula-neutralised).
import { resolveAccessFilter } from '@/lib/access/access-filter'
import { readAccessExportBatches, type AccessExportRow, type AccessFilter } from '@/lib/access/data'
import { accessEventItemSchema, type AccessEventItem } from '@/lib/access/schema'
import type { Db } from '@/lib/db/client'
import { csvByteStream, csvCell, csvLine } from '@/lib/reports/csv'
import { readBuildingTimeZone } from '@/lib/settings/building'
import { isoInZone } from '@/lib/time/zoned-time'

export { csvCell, csvLine } from '@/lib/reports/csv'

export type AccessCsvFilter = AccessFilter
export type AccessCsvOptions = {
  /** Rows per database round trip (default EXPORT_BATCH_ROWS). */
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

/**
 * Rows per statement: large enough that the per-statement costs (planning, PostgreSQL's parallel workers starting)
 * vanish, small enough that two batches in memory stay a few megabytes.
 */
export const EXPORT_BATCH_ROWS = 10_000

/** The header: the wire item's fields, in schema order. */
export const ACCESS_CSV_COLUMNS: readonly (keyof AccessEventItem)[] = accessEventItemSchema.keyof().options

/** One event as a CSV line, its cells in header order (every field is a string, boolean or null, or a time). */
export function accessCsvRecord(row: AccessExportRow, timeZone: string): string {
  let line = ''
  for (let i = 0; i < ACCESS_CSV_COLUMNS.length; i++) {
    const value = row[ACCESS_CSV_COLUMNS[i]]
    const cell = typeof value === 'number' ? isoInZone(value, timeZone) : csvCell(value)
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
  const batches = readAccessExportBatches(db, resolved, {
    batchSize: options.batchSize ?? EXPORT_BATCH_ROWS,
    maxRows: options.maxRows ?? Number.POSITIVE_INFINITY,
  })
  for await (const rows of batches) {
    let chunk = ''
    for (const row of rows) {
      if (origin && row.snapshotUrl) row.snapshotUrl = `${origin}${row.snapshotUrl}`
      chunk += accessCsvRecord(row, timeZone)
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
