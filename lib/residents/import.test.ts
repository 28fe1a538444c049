// The resident CSV import on real databases: the dry run's report (row, column, problem; nothing written), the
// all-or-nothing commit (one bad row and nothing is written), duplicates within the file, units by
// building/label, formula-looking cells kept as data, and the request formats and limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { AppError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/error-response'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { auditContext, registerFixture, settle, type RegisterFixture } from '@/lib/residents/fixtures/register-fixture'
import { csvOfRequest, importResidents, MAX_IMPORT_BYTES } from '@/lib/residents/import-residents'

const HEADER = 'name,unit,kind,phone,email,validFrom,validUntil,notes'

describe.each(TEST_PROVIDERS)('importResidents on %s', (provider) => {
  let testDb: TestDatabase
  let fx: RegisterFixture

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    fx = await registerFixture(testDb.db, provider)
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const run = (csv: string, dryRun: boolean) => importResidents(fx.db, fx.admin, csv, { dryRun }, auditContext)
  const count = () => fx.db.resident.count()

  it('reports every problem by row and column on a dry run, and writes nothing', async () => {
    const a = fx.buildings.blockA.name
    const csv = [
      HEADER,
      `Alice Martin,A-101,tenant,+44 7700 900001,alice@example.test,2026-01-01,2026-12-31,`,
      `,A-101,,,,,,`,
      `Bruno Costa,Z-999,landlord,12,not-mail,2026-13-01,,`,
      `Chen Wei,G-1,,,,,,`,
      `Dara Okafor,${a}/G-1,family,,,2026-06-01,2026-05-01,`,
      `alice martin,${a}/a-101,,,,,,`,
      `Elena,A-102,,,,,,,extra`,
    ].join('\n')
    const before = await count()
    const report = await run(csv, true)
    expect(await count()).toBe(before)
    expect(report).toMatchObject({ dryRun: true, valid: false, rows: 7, created: 0, warnings: [] })
    expect(report.errors).toEqual([
      { row: 3, field: 'name', message: 'name is required' },
      { row: 4, field: 'unit', message: 'no unit labelled "Z-999"' },
      { row: 4, field: 'kind', message: expect.stringContaining('owner') },
      { row: 4, field: 'phone', message: 'between 5 and 15 digits' },
      { row: 4, field: 'email', message: 'not an email address' },
      { row: 4, field: 'validFrom', message: 'a date (YYYY-MM-DD) or an ISO-8601 time' },
      { row: 5, field: 'unit', message: expect.stringContaining('is a unit in 2 buildings; write building/label') },
      { row: 6, field: 'validUntil', message: 'must be after validFrom' },
      { row: 7, field: 'name', message: 'duplicate of row 2 (same name and unit)' },
      { row: 8, field: 'file', message: '9 cells, but the header names 8 columns' },
    ])
  })

  it('refuses the whole file when one row is invalid (422 with the report), and imports it once fixed', async () => {
    const bad = [HEADER, 'Farid Haddad,A-101,,,,,,', 'Grace Lee,A-102,,,nope,,,'].join('\r\n')
    const before = await count()
    const refused = await settle(run(bad, false))
    expect(refused.error).toBeInstanceOf(AppError)
    const response = errorResponse(refused.error)
    expect(response.status).toBe(422)
    const body = await response.json()
    expect(body.error.code).toBe('import_invalid')
    expect(body.error.details.report.errors).toEqual([{ row: 3, field: 'email', message: 'not an email address' }])
    expect(await count()).toBe(before)

    const live = recordLiveEmissions()
    const good = `\uFEFF${bad.replace('nope', 'grace@example.test')}\r\n`
    const report = await run(good, false).finally(live.stop)
    expect(report).toMatchObject({ dryRun: false, valid: true, rows: 2, created: 2, errors: [] })
    const created = await fx.db.resident.findMany({
      where: { name: { in: ['Farid Haddad', 'Grace Lee'] } },
      include: { unit: true },
      orderBy: { name: 'asc' },
    })
    expect(created.map((r) => [r.name, r.unit?.label, r.kind, r.email, r.status])).toEqual([
      ['Farid Haddad', 'A-101', 'owner', null, 'active'],
      ['Grace Lee', 'A-102', 'owner', 'grace@example.test', 'active'],
    ])
    expect(new Set(created.map((r) => r.externalId)).size).toBe(2)
    expect(live.emitted).toEqual([])
    const audit = await fx.db.auditLog.findFirstOrThrow({ where: { action: 'resident.imported' } })
    expect(audit.actorId).toBe(fx.admin.userId)
    expect(JSON.parse(audit.details ?? '{}')).toEqual({ rows: 2, created: 2, warnings: 0 })
  })

  it('stores formula-looking cells exactly as written and warns about them', async () => {
    const csv = [
      'Name,Unit,Notes', // header names in any case, columns in any order, some left out
      '"=HYPERLINK(""http://evil.test"",""x"")",A-101,"@SUM(A1) and +1"',
      'Hugo Silva,,-',
    ].join('\n')
    const report = await run(csv, false)
    expect(report.created).toBe(2)
    expect(report.warnings).toEqual([
      { row: 2, field: 'name', message: 'starts like a spreadsheet formula; stored as text, never evaluated' },
      { row: 2, field: 'notes', message: 'starts like a spreadsheet formula; stored as text, never evaluated' },
      { row: 3, field: 'notes', message: 'starts like a spreadsheet formula; stored as text, never evaluated' },
    ])
    const stored = await fx.db.resident.findFirstOrThrow({ where: { name: { startsWith: '=HYPERLINK' } } })
    expect(stored).toMatchObject({ name: '=HYPERLINK("http://evil.test","x")', notes: '@SUM(A1) and +1' })
  })

  it('warns about a resident already living in the unit, without refusing the row', async () => {
    const report = await run([HEADER, 'Farid Haddad,A-101,,,,,,'].join('\n'), true)
    expect(report).toMatchObject({ valid: true, errors: [] })
    expect(report.warnings).toEqual([
      { row: 2, field: 'name', message: 'a resident with this name already lives in this unit' },
    ])
  })

  it.each([
    ['the first line must be the header', ''],
    ['the first line must be the header', '\n\nname\n'],
    ['unknown column', 'name,unit,colour\nA,,red\n'],
    ['this column appears twice', 'name,name\nA,B\n'],
    ['the header must name a "name" column', 'unit,kind\nA-101,owner\n'],
    ['no resident rows after the header', 'name\n'],
    ['a quoted cell is not closed', 'name\n"open\n'],
    ['at most 5,000 rows per file', `name\n${'x\n'.repeat(5001)}`],
  ])('refuses a malformed file: %s', async (message, csv) => {
    const report = await run(csv, true)
    expect(report.valid).toBe(false)
    expect(report.errors.map((e) => e.message).join(' | ')).toContain(message)
  })

  it('imports 5,000 rows in one change, skipping blank lines without counting them', async () => {
    const rows = Array.from({ length: 5000 }, (_, n) => `Bulk ${n},A-102,staff,,,2026-01-01,,note ${n}`)
    const before = await count()
    const report = await run(`${HEADER}\n\n${rows.join('\n')}\n,,,\n\n`, false)
    expect(report).toMatchObject({ valid: true, rows: 5000, created: 5000 })
    expect(await count()).toBe(before + 5000)
    // Written by the import's own INSERT, read back by Prisma as any other resident.
    const sample = await fx.db.resident.findFirstOrThrow({ where: { name: 'Bulk 4999' }, include: { unit: true } })
    expect(sample).toMatchObject({
      kind: 'staff',
      status: 'active',
      version: 1,
      notes: 'note 4999',
      unit: { label: 'A-102' },
    })
    expect(sample.validFrom?.toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(sample.createdAt.getTime()).toBeGreaterThan(Date.now() - 600_000)
    expect(await fx.db.resident.count({ where: { name: { startsWith: 'Bulk ' }, externalId: { not: '' } } })).toBe(5000)
  })
})

describe('csvOfRequest', () => {
  const post = (body: BodyInit, headers: Record<string, string>) =>
    new Request('http://console.test/api/residents/import', { method: 'POST', body, headers })

  it('reads a text/csv body and a multipart "file"', async () => {
    expect(await csvOfRequest(post('name\nA\n', { 'content-type': 'text/csv; charset=utf-8' }))).toBe('name\nA\n')
    const form = new FormData()
    form.set('file', new File(['name\nB\n'], 'residents.csv', { type: 'text/csv' }))
    const request = new Request('http://console.test/api/residents/import', { method: 'POST', body: form })
    expect(await csvOfRequest(request)).toBe('name\nB\n')
  })

  const refusal = async (request: Request) => {
    const response = errorResponse((await settle(csvOfRequest(request))).error)
    return { status: response.status, code: (await response.json()).error.code }
  }

  it('refuses more than 1 MB, whatever the Content-Length says', async () => {
    const big = 'x'.repeat(MAX_IMPORT_BYTES + 1)
    expect(await refusal(post(big, { 'content-type': 'text/csv' }))).toEqual({ status: 413, code: 'payload_too_large' })
    const streamed = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big))
        controller.close()
      },
    })
    const lying = new Request('http://console.test/x', {
      method: 'POST',
      body: streamed,
      headers: { 'content-type': 'text/csv', 'content-length': '10' },
      duplex: 'half',
    } as RequestInit)
    expect(await refusal(lying)).toEqual({ status: 413, code: 'payload_too_large' })
    const form = new FormData()
    form.set('file', new File([big], 'big.csv'))
    expect(await refusal(new Request('http://console.test/x', { method: 'POST', body: form }))).toEqual({
      status: 413,
      code: 'payload_too_large',
    })
  })

  it('refuses other media types (415), a form without a file, and bytes that are not UTF-8 (400)', async () => {
    expect(await refusal(post('{}', { 'content-type': 'application/json' }))).toEqual({
      status: 415,
      code: 'unsupported_media_type',
    })
    const form = new FormData()
    form.set('file', 'just text')
    expect(await refusal(new Request('http://console.test/x', { method: 'POST', body: form }))).toEqual({
      status: 400,
      code: 'bad_request',
    })
    expect(await refusal(post(new Uint8Array([0x6e, 0xff, 0xfe]), { 'content-type': 'text/csv' }))).toEqual({
      status: 400,
      code: 'bad_request',
    })
  })
})
