// The batch's hand-built INSERTs name their columns in batch-tables.ts. Against the real migrated tables (SQLite and
// PostgreSQL), every column of a table the batch writes is either inserted or omitted with a reason, and every
// column named exists: a column added by a migration cannot be silently left NULL by the hot path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTableColumns } from '@/lib/db/schema-conformance'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { ACCESS_TABLE, BATCH_TABLES, SNAPSHOT_TABLE, type AnyBatchTable } from '@/lib/ingest/persist/batch-tables'

/** What is wrong with a table's column lists, given the table's actual columns; empty when they cover it. */
function coverageProblems(table: AnyBatchTable, actual: string[]): string[] {
  const problems: string[] = []
  for (const column of actual) {
    if (!table.columns.includes(column) && !(column in table.omitted))
      problems.push(`${table.name}.${column}: neither inserted nor omitted with a reason`)
  }
  for (const column of [...table.columns, ...Object.keys(table.omitted)]) {
    if (!actual.includes(column)) problems.push(`${table.name}.${column}: named, but the table has no such column`)
  }
  for (const column of table.columns) {
    if (column in table.omitted) problems.push(`${table.name}.${column}: both inserted and omitted`)
  }
  for (const [column, reason] of Object.entries(table.omitted)) {
    if (!reason.trim()) problems.push(`${table.name}.${column}: omitted without a reason`)
  }
  return problems
}

describe.each(TEST_PROVIDERS)('batch INSERT column lists on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  const columnsOf = async (table: string) =>
    (await readTableColumns(testDb.db, provider, table)).map((column) => column.name)

  it.each(BATCH_TABLES)('cover every column of $name', async (table) => {
    const actual = await columnsOf(table.name)
    expect(actual.length).toBeGreaterThan(0)
    expect(coverageProblems(table, actual)).toEqual([])
  })

  // Runs last: it alters the migrated tables.
  it('fail when a migration adds a column the batch neither writes nor omits', async () => {
    await testDb.db.$executeRawUnsafe('ALTER TABLE "AccessEvent" ADD COLUMN "x" TEXT')
    await testDb.db.$executeRawUnsafe('ALTER TABLE "Snapshot" ADD COLUMN "y" TEXT')
    expect(coverageProblems(ACCESS_TABLE, await columnsOf('AccessEvent'))).toEqual([
      'AccessEvent.x: neither inserted nor omitted with a reason',
    ])
    expect(coverageProblems(SNAPSHOT_TABLE, await columnsOf('Snapshot'))).toEqual([
      'Snapshot.y: neither inserted nor omitted with a reason',
    ])
  })
})
