// Bulk writers for seeding large histories, one per provider, behind the same small interface: rows are arrays in
// a table's column order, written with prepared statements in large transactions (SQLite, better-sqlite3) or
// INSERT … SELECT unnest(…) of whole column arrays (PostgreSQL). Times are written exactly as Prisma's adapters
// write them, so the app reads seeded rows like its own.
import Database from 'better-sqlite3'
import pg from 'pg'
import { providerOf, sqlitePathOf } from '@/lib/db/client'

export type ColumnType = 'text' | 'timestamp' | 'boolean' | 'integer'
export type Table = { name: string; columns: readonly (readonly [string, ColumnType])[] }
export type Cell = string | number | boolean | null
export type IndexDef = { name: string; create: string }

export interface HistoryWriter {
  readonly provider: 'sqlite' | 'postgresql'
  /** Rows in one transaction. */
  insert(table: Table, rows: Cell[][]): Promise<void>
  /** Secondary indexes of a table (not the primary key): dropped during a bulk load, re-created after it. */
  indexesOf(table: string): Promise<IndexDef[]>
  exec(statement: string): Promise<void>
  query<T>(statement: string, params?: Cell[]): Promise<T[]>
  close(): Promise<void>
}

/** Prisma's SQLite adapter writes DateTime as ISO-8601 text with a +00:00 offset; match it byte for byte. */
export const sqliteTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')
const pgTime = (ms: number) => new Date(ms).toISOString()

function sqliteWriter(url: string): HistoryWriter {
  const db = new Database(sqlitePathOf(url), { timeout: 10_000 })
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  // Room to sort while the indexes are rebuilt (200 MB of page cache, temporary b-trees in memory).
  db.pragma('cache_size = -200000')
  db.pragma('temp_store = MEMORY')
  const statements = new Map<string, Database.Statement>()
  const statementFor = (table: Table) => {
    let statement = statements.get(table.name)
    if (!statement) {
      const names = table.columns.map(([c]) => `"${c}"`).join(', ')
      const marks = table.columns.map(() => '?').join(', ')
      statement = db.prepare(`INSERT INTO "${table.name}" (${names}) VALUES (${marks})`)
      statements.set(table.name, statement)
    }
    return statement
  }
  const insertAll = db.transaction((table: Table, rows: Cell[][]) => {
    const statement = statementFor(table)
    const types = table.columns.map(([, t]) => t)
    for (const row of rows)
      statement.run(
        row.map((v, i) =>
          v === null
            ? null
            : types[i] === 'timestamp'
              ? sqliteTime(Number(v))
              : typeof v === 'boolean'
                ? v
                  ? 1
                  : 0
                : v,
        ),
      )
  })
  return {
    provider: 'sqlite',
    async insert(table, rows) {
      insertAll(table, rows)
    },
    async indexesOf(table) {
      const rows = db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
        .all(table) as { name: string; sql: string }[]
      return rows.map((r) => ({ name: r.name, create: r.sql }))
    },
    async exec(statement) {
      db.exec(statement)
    },
    async query<T>(statement: string, params: Cell[] = []) {
      return db.prepare(statement).all(...params) as T[]
    },
    async close() {
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}

async function postgresWriter(url: string): Promise<HistoryWriter> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('SET synchronous_commit = off')
  return {
    provider: 'postgresql',
    async insert(table, rows) {
      if (!rows.length) return
      const names = table.columns.map(([c]) => `"${c}"`).join(', ')
      const unnest = table.columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')
      const arrays = table.columns.map(([, t], i) =>
        rows.map((r) => (r[i] === null ? null : t === 'timestamp' ? pgTime(Number(r[i])) : r[i])),
      )
      await client.query(`INSERT INTO "${table.name}" (${names}) SELECT * FROM unnest(${unnest})`, arrays)
    },
    async indexesOf(table) {
      const { rows } = await client.query<{ indexname: string; indexdef: string }>(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i
           WHERE i.schemaname = 'public' AND i.tablename = $1
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [table],
      )
      return rows.map((r) => ({ name: r.indexname, create: r.indexdef }))
    },
    async exec(statement) {
      await client.query(statement)
    },
    async query<T>(statement: string, params: Cell[] = []) {
      const numbered = params.length
        ? statement.replace(
            /\?/g,
            (() => {
              let n = 0
              return () => `$${++n}`
            })(),
          )
        : statement
      return (await client.query(numbered, params)).rows as T[]
    },
    async close() {
      await client.end()
    },
  }
}

export async function openHistoryWriter(databaseUrl: string): Promise<HistoryWriter> {
  return providerOf(databaseUrl) === 'postgresql' ? postgresWriter(databaseUrl) : sqliteWriter(databaseUrl)
}
