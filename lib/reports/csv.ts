// The CSV writer every export uses (access history, audit trail): cells quoted per RFC 4180, and cells a
// spreadsheet would run as a formula (= + - @ tab CR) get a leading apostrophe (OWASP "CSV injection"). Exports are
// streamed: a chunk of lines per database batch, pulled only when the client has read the last one.

export type CsvValue = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/
/** Either of the above: most cells match neither, and are written after this one test. */
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/

/** One CSV cell: neutralised if a spreadsheet would evaluate it, quoted when RFC 4180 requires. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (!NEEDS_CARE.test(text)) return text
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvLine(cells: readonly CsvValue[]): string {
  let line = cells.length ? csvCell(cells[0]) : ''
  for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i])}`
  return `${line}\r\n`
}

/** Text chunks as a byte stream for a Response body; the next chunk is produced only when the client has read. */
export function csvByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
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

/** The headers of a CSV download named `<name>-<UTC stamp>.csv`. */
export function csvDownloadHeaders(name: string, now = new Date()): HeadersInit {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}-${stamp}.csv"`,
    'cache-control': 'no-store',
  }
}
