// The CSV reader: quoting, line ends, a byte-order mark, and cells kept exactly as written.
import { describe, expect, it } from 'vitest'
import { parseCsv } from '@/lib/residents/csv'

const cellsOf = (text: string) => {
  const result = parseCsv(text, 100)
  if (!result.ok) throw new Error(result.message)
  return result.records.map((r) => r.cells)
}

describe('parseCsv', () => {
  it('reads LF, CRLF and CR line ends, with or without a final one, and drops a byte-order mark', () => {
    for (const text of ['a,b\n1,2\n', 'a,b\r\n1,2\r\n', 'a,b\r1,2', '\uFEFFa,b\n1,2']) {
      expect(cellsOf(text), JSON.stringify(text)).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ])
    }
  })

  it('unquotes quoted cells, keeping commas, doubled quotes and line breaks inside them', () => {
    expect(cellsOf('"a,b","say ""hi""","two\r\nlines",""\n')).toEqual([['a,b', 'say "hi"', 'two\r\nlines', '']])
  })

  it('keeps every other character as written: spaces, formulas, a quote inside an unquoted cell', () => {
    expect(cellsOf(' x ,=1+1,@SUM(A1),it"s,\t-2\n')).toEqual([[' x ', '=1+1', '@SUM(A1)', 'it"s', '\t-2']])
  })

  it('keeps empty cells and empty lines as records', () => {
    expect(cellsOf('a,,c\n\n,\n')).toEqual([['a', '', 'c'], [''], ['', '']])
  })

  it('numbers records from 1 (the header), counting a multi-line cell as one record', () => {
    const result = parseCsv('h\n"1\n2"\nx\n', 100)
    expect(result.ok && result.records.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'h'],
      [2, '1\n2'],
      [3, 'x'],
    ])
  })

  it('refuses an unclosed quote and text after a closing quote, naming the record', () => {
    expect(parseCsv('a\n"open\n', 100)).toEqual({ ok: false, row: 2, message: 'a quoted cell is not closed' })
    expect(parseCsv('a\n"x"y\n', 100)).toMatchObject({ ok: false, row: 2 })
  })

  it('stops at the record limit and says so', () => {
    const result = parseCsv('a\nb\nc\nd\n', 2)
    expect(result).toMatchObject({ ok: true, truncated: true })
    expect(result.ok && result.records).toHaveLength(2)
    expect(parseCsv('a\nb\n', 2)).toMatchObject({ ok: true, truncated: false })
  })
})
