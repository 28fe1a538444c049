// Access history as CSV: one column per field of the wire item (accessEventItemSchema, mapped by
// toAccessEventItem), so the export shows exactly what the list and the live stream show. Rows come from
// readAccessEventBatches (the list's filters, newest first, keyset-paged: flat memory at any size). Cells are quoted
// per RFC 4180, and cells a spreadsheet would run as a formula (= + - @ tab CR) get a leading apostrophe (OWASP
// "CSV injection").
import { readAccessEventBatches, type AccessFilter } from '@/lib/access/data'
import { accessEventItemSchema, type AccessEventItem } from '@/lib/access/schema'
import type { Db } from '@/lib/db/client'

export type AccessCsvFilter = AccessFilter
export type AccessCsvOptions = {
  /** Rows per database round trip. */
  batchSize?: number
  /** Stop after this many rows (a cap on what one export may cost). */
  maxRows?: number
  /** Prefix for snapshot links, e.g. https://console.example; relative (/api/snapshots/…) without it. */
  origin?: string
}

/** The header: the wire item's fields, in schema order. */
export const ACCESS_CSV_COLUMNS: readonly (keyof AccessEventItem)[] = accessEventItemSchema.keyof().options

type CsvValue = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One CSV cell: neutralised if a spreadsheet would evaluate it, quoted when RFC 4180 requires. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** One item as a CSV line, its cells in header order (every item field is a string, boolean or null). */
function csvRecord(item: AccessEventItem): string {
  let line = csvCell(item[ACCESS_CSV_COLUMNS[0]])
  for (let i = 1; i < ACCESS_CSV_COLUMNS.length; i++) line += `,${csvCell(item[ACCESS_CSV_COLUMNS[i]])}`
  return `${line}\r\n`
}

/** Header, then one chunk of CSV text per batch of rows. */
export async function* streamAccessCsv(
  db: Db,
  filter: AccessCsvFilter,
  options: AccessCsvOptions = {},
): AsyncGenerator<string> {
  const origin = options.origin ?? ''
  yield csvLine(ACCESS_CSV_COLUMNS)
  const batches = readAccessEventBatches(db, filter, {
    batchSize: options.batchSize ?? 2000,
    maxRows: options.maxRows ?? Number.POSITIVE_INFINITY,
  })
  for await (const items of batches) {
    let chunk = ''
    for (const item of items) {
      if (origin && item.snapshotUrl) item.snapshotUrl = `${origin}${item.snapshotUrl}`
      chunk += csvRecord(item)
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
  const chunks = streamAccessCsv(db, filter, options)
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}
