// The audit trail as CSV (GET /api/audit/export): one column per field of the wire item, the time in the building's
// zone with its offset, details as JSON text; written by the same RFC 4180, formula-neutralising writer as the
// access export, a batch at a time.
import { readAuditBatches } from '@/lib/audit/data'
import { auditItemSchema, type AuditFilter, type AuditItem } from '@/lib/audit/schema'
import type { Db } from '@/lib/db/client'
import { csvByteStream, csvLine, type CsvValue } from '@/lib/reports/csv'
import { isoInZone } from '@/lib/time/zoned-time'

export const AUDIT_CSV_COLUMNS: readonly (keyof AuditItem)[] = auditItemSchema.keyof().options

function cellOf(item: AuditItem, column: keyof AuditItem, timeZone: string): CsvValue {
  if (column === 'at') return isoInZone(Date.parse(item.at), timeZone)
  if (column === 'details') return item.details === null ? null : JSON.stringify(item.details)
  const value = item[column]
  return typeof value === 'string' ? value : null
}

export async function* streamAuditCsv(
  db: Db,
  filter: AuditFilter,
  {
    timeZone,
    batchSize = 2000,
    maxRows = Number.POSITIVE_INFINITY,
  }: { timeZone: string; batchSize?: number; maxRows?: number },
): AsyncGenerator<string> {
  yield csvLine(AUDIT_CSV_COLUMNS)
  for await (const items of readAuditBatches(db, filter, { batchSize, maxRows })) {
    let chunk = ''
    for (const item of items) chunk += csvLine(AUDIT_CSV_COLUMNS.map((column) => cellOf(item, column, timeZone)))
    yield chunk
  }
}

export function auditCsvStream(db: Db, filter: AuditFilter, options: { timeZone: string }) {
  return csvByteStream(streamAuditCsv(db, filter, options))
}
