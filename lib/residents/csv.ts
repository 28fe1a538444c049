// A strict, small CSV reader for the resident import (RFC 4180 with the usual leniencies: a UTF-8 byte-order
// mark, CRLF, LF or CR line ends, a missing final line end). Cells are returned exactly as written: nothing is
// trimmed, unquoted, evaluated or dropped beyond the CSV quoting itself. It stops at `maxRecords` so a huge file
// costs no more than the limit it breaks.

export type CsvRecord = { /** 1-based record number: the header is record 1. */ row: number; cells: string[] }
export type CsvResult =
  { ok: true; records: CsvRecord[]; truncated: boolean } | { ok: false; row: number; message: string }

export function parseCsv(input: string, maxRecords: number): CsvResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false // inside a quoted cell
  let afterQuote = false // a quoted cell just closed: only a separator or a line end may follow
  let i = 0

  const endCell = () => {
    cells.push(cell)
    cell = ''
    afterQuote = false
  }
  const endRecord = () => {
    endCell()
    records.push({ row: records.length + 1, cells })
    cells = []
  }

  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (c === '"') {
        quoted = false
        afterQuote = true
      } else cell += c
      i++
      continue
    }
    if (c === ',') {
      endCell()
    } else if (c === '\r' || c === '\n') {
      endRecord()
      if (c === '\r' && text[i + 1] === '\n') i++
      if (records.length >= maxRecords && i + 1 < text.length) return { ok: true, records, truncated: true }
    } else if (afterQuote) {
      return { ok: false, row: records.length + 1, message: 'a quoted cell must end at a comma or a line end' }
    } else if (c === '"' && cell === '') {
      quoted = true
    } else {
      cell += c
    }
    i++
  }
  if (quoted) return { ok: false, row: records.length + 1, message: 'a quoted cell is not closed' }
  if (cell !== '' || cells.length > 0 || afterQuote) endRecord()
  return { ok: true, records, truncated: false }
}

/** A record with no content at all (a blank line, or only commas). */
export const isBlankRecord = (cells: string[]) => cells.every((c) => c.trim() === '')
