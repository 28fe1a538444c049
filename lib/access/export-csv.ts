// Access history as CSV: the same filters as the list (accessWhere), newest first, read in keyset-paged batches so
// memory stays flat at any size. Cells are quoted per RFC 4180, and cells a spreadsheet would run as a formula
// (= + - @ tab CR) get a leading apostrophe (OWASP "CSV injection").
import type { AccessEventRow } from '@/lib/access/access-item'
import { accessWhere } from '@/lib/access/data'
import type { AccessQuery } from '@/lib/access/schema'
import type { Db } from '@/lib/db/client'
import { beforeCursor, type Cursor } from '@/lib/http/cursor'
import { snapshotUrlOf } from '@/lib/snapshots/snapshot-url'

export type AccessCsvFilter = Omit<AccessQuery, 'limit' | 'cursor'>
export type AccessCsvOptions = {
  /** Rows per database round trip. */
  batchSize?: number
  /** Stop after this many rows (a cap on what one export may cost). */
  maxRows?: number
  /** Prefix for snapshot links, e.g. https://console.example; relative (/api/snapshots/…) without it. */
  origin?: string
}

export const ACCESS_CSV_COLUMNS = [
  'occurredAt',
  'receivedAt',
  'device',
  'deviceId',
  'method',
  'result',
  'resident',
  'residentId',
  'snapshotUrl',
  'backfilled',
  'id',
] as const

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One CSV cell: neutralised if a spreadsheet would evaluate it, quoted when RFC 4180 requires. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

const select = {
  id: true,
  occurredAt: true,
  receivedAt: true,
  deviceId: true,
  method: true,
  result: true,
  residentId: true,
  residentName: true,
  backfilled: true,
  device: { select: { name: true } },
  snapshot: { select: { id: true, state: true } },
} as const

/** The selected columns are those of the list item (lib/access/access-item.ts). */
type CsvRow = AccessEventRow

/** Header, then one chunk of CSV text per batch of rows. */
export async function* streamAccessCsv(
  db: Db,
  filter: AccessCsvFilter,
  options: AccessCsvOptions = {},
): AsyncGenerator<string> {
  const batchSize = options.batchSize ?? 2000
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY
  const origin = options.origin ?? ''
  const where = accessWhere(filter)
  yield csvLine(ACCESS_CSV_COLUMNS)
  let cursor: Cursor | null = null
  let written = 0
  while (written < maxRows) {
    const rows: CsvRow[] = await db.accessEvent.findMany({
      where: { AND: [where, beforeCursor('occurredAt', cursor)] },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: Math.min(batchSize, maxRows - written),
      select,
    })
    if (rows.length === 0) return
    let chunk = ''
    for (const row of rows) {
      const snapshotPath = snapshotUrlOf(row.snapshot)
      chunk += csvLine([
        row.occurredAt.toISOString(),
        row.receivedAt.toISOString(),
        row.device?.name ?? null,
        row.deviceId,
        row.method,
        row.result,
        row.residentName,
        row.residentId,
        snapshotPath ? `${origin}${snapshotPath}` : null,
        row.backfilled,
        row.id,
      ])
    }
    written += rows.length
    yield chunk
    if (rows.length < batchSize) return
    const last = rows[rows.length - 1]
    cursor = { at: last.occurredAt, id: last.id }
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
