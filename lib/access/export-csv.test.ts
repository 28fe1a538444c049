// CSV export of the access history: RFC 4180 quoting, formula neutralising, one column per wire-item field, and
// keyset paging over a real database (SQLite and PostgreSQL) that returns every matching row exactly once, newest
// first, whatever the batch size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessCsvStream, csvCell, csvLine, streamAccessCsv } from '@/lib/access/export-csv'
import { accessEventItemSchema } from '@/lib/access/schema'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = ''
  for await (const chunk of chunks) text += chunk
  return text
}

const rowsOf = (csv: string) => csv.split('\r\n').filter(Boolean)

describe('csvCell', () => {
  it('leaves plain text and empty values as they are', () => {
    expect(csvCell('Alice Martin')).toBe('Alice Martin')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(true)).toBe('true')
  })

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvCell('Costa, Bruno')).toBe('"Costa, Bruno"')
    expect(csvCell('the "lobby" door')).toBe('"the ""lobby"" door"')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
  })

  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTab', '\rCR'])(
    'neutralises a cell a spreadsheet would evaluate: %j',
    (value) => {
      const cell = csvCell(value)
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1) : cell
      expect(unquoted.startsWith("'")).toBe(true)
      expect(unquoted.slice(1).replaceAll('""', '"')).toBe(value)
    },
  )

  it('neutralises and quotes a formula that also contains a comma', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
  })

  it('ends every line with CRLF', () => {
    expect(csvLine(['a', 'b,c', null])).toBe('a,"b,c",\r\n')
  })
})

/** Splits one CSV line (no line break inside a cell) into its cells, undoing RFC 4180 quoting. */
function cellsOf(line: string): string[] {
  const cells: string[] = []
  for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g))
    cells.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2])
  return cells
}

/** The export as one record per line: header name → cell. */
function recordsOf(csv: string): Record<string, string>[] {
  const [header, ...lines] = rowsOf(csv).map(cellsOf)
  return lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])))
}

describe.each(TEST_PROVIDERS)('streamAccessCsv on %s', (provider) => {
  let testDb: TestDatabase
  const base = Date.parse('2026-11-20T12:00:00.000Z')

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    const db = testDb.db
    await db.site.create({ data: { name: 'Harbour View', timezone: 'Asia/Singapore' } })
    const device = await db.device.create({
      data: { id: 'dev-lobby', tuyaId: 'tuya-lobby', name: 'Lobby, north', category: 'face_terminal' },
    })
    await db.resident.create({ data: { id: 'res-alice', name: 'Alice', externalId: 'p-alice' } })
    await db.snapshot.create({ data: { id: 'snap-stored', source: 'x', state: 'stored' } })
    await db.snapshot.create({ data: { id: 'snap-pending', source: 'x', state: 'pending' } })
    const rows = Array.from({ length: 9 }, (_, i) => ({
      id: `ae-${String(i).padStart(2, '0')}`,
      deviceId: device.id,
      deviceTuyaId: device.tuyaId,
      // Three rows share each timestamp, so batches must break ties by id.
      occurredAt: new Date(base - Math.floor(i / 3) * 60_000),
      receivedAt: new Date(base - Math.floor(i / 3) * 60_000 + 500),
      method: i % 2 === 0 ? 'face' : 'card',
      result: i === 4 ? 'denied' : 'granted',
      residentId: i === 4 ? null : 'res-alice',
      residentName: i === 4 ? '=cmd|" /C calc"!A0' : 'Alice',
      sourceCode: 'accessRecord',
      snapshotId: i === 0 ? 'snap-stored' : i === 1 ? 'snap-pending' : null,
    }))
    await db.accessEvent.createMany({ data: rows })
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  const idsOf = (csv: string) => recordsOf(csv).map((r) => r.id)

  it('has one column per field of the wire item, in schema order', async () => {
    const [header] = rowsOf(await collect(streamAccessCsv(testDb.db, {})))
    expect(header.split(',')).toEqual(Object.keys(accessEventItemSchema.shape))
    expect(header).toBe(
      'id,occurredAt,receivedAt,deviceId,deviceName,method,result,residentId,residentName,snapshotUrl,backfilled',
    )
  })

  it('writes every row once, newest first with ties broken by id, whatever the batch size', async () => {
    const expectedOrder = ['ae-02', 'ae-01', 'ae-00', 'ae-05', 'ae-04', 'ae-03', 'ae-08', 'ae-07', 'ae-06']
    for (const batchSize of [1, 2, 3, 4, 100]) {
      expect(idsOf(await collect(streamAccessCsv(testDb.db, {}, { batchSize })))).toEqual(expectedOrder)
    }
  })

  it('shows what the list item shows, times in the building zone with its offset, links to stored snapshots', async () => {
    const csv = await collect(streamAccessCsv(testDb.db, {}, { origin: 'https://console.example' }))
    const byId = new Map(recordsOf(csv).map((r) => [r.id, r]))
    expect(byId.get('ae-00')).toEqual({
      id: 'ae-00',
      occurredAt: '2026-11-20T20:00:00+08:00',
      receivedAt: '2026-11-20T20:00:00+08:00',
      deviceId: 'dev-lobby',
      deviceName: 'Lobby, north',
      method: 'face',
      result: 'granted',
      residentId: 'res-alice',
      residentName: 'Alice',
      snapshotUrl: 'https://console.example/api/snapshots/snap-stored',
      backfilled: 'false',
    })
    expect(byId.get('ae-01')?.snapshotUrl).toBe('')
    expect(csv).toContain('ae-00,2026-11-20T20:00:00+08:00,2026-11-20T20:00:00+08:00,dev-lobby,"Lobby, north",face,')
  })

  it('writes the offset each time had in the building zone, across a DST change', async () => {
    const csv = await collect(streamAccessCsv(testDb.db, {}, { timeZone: 'Europe/Berlin' }))
    expect(recordsOf(csv)[0].occurredAt).toBe('2026-11-20T13:00:00+01:00')
    const newYork = await collect(
      streamAccessCsv(testDb.db, {}, { timeZone: 'America/New_York', batchSize: 2, maxRows: 1 }),
    )
    expect(recordsOf(newYork)[0].occurredAt).toBe('2026-11-20T07:00:00-05:00')
  })

  it('neutralises a hostile resident name', async () => {
    const csv = await collect(streamAccessCsv(testDb.db, { result: 'denied' }))
    expect(rowsOf(csv)).toHaveLength(2)
    expect(csv).toContain(`,face,denied,,"'=cmd|"" /C calc""!A0",,false\r\n`)
  })

  it('applies the list filters and the row cap', async () => {
    const cards = await collect(streamAccessCsv(testDb.db, { method: 'card' }, { batchSize: 2 }))
    expect(idsOf(cards)).toEqual(['ae-01', 'ae-05', 'ae-03', 'ae-07'])
    const window = await collect(
      streamAccessCsv(testDb.db, { from: new Date(base - 60_000), to: new Date(base - 60_000) }, { batchSize: 2 }),
    )
    expect(idsOf(window)).toEqual(['ae-05', 'ae-04', 'ae-03'])
    const capped = rowsOf(await collect(streamAccessCsv(testDb.db, {}, { batchSize: 2, maxRows: 5 })))
    expect(capped).toHaveLength(6)
  })

  it('produces the same bytes as a ReadableStream', async () => {
    const text = await new Response(accessCsvStream(testDb.db, {}, { batchSize: 4 })).text()
    expect(text).toBe(await collect(streamAccessCsv(testDb.db, {})))
  })
})
