// The 1M-row benchmark history, seeded once (bench/support/history-seeder.ts, the same code as
// `npm run seed:history`) and kept under ./data/bench/ (SQLite file) and in the local PostgreSQL (database
// bench_access_1m), with a marker table so later runs reuse it.
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { TEST_POSTGRES_URL } from '@/lib/db/test-database'
import { DATASET_VERSION } from '@/bench/support/access-dataset'
import { seedHistory } from '@/bench/support/history-seeder'

export const SQLITE_DATASET_FILE = path.resolve('data/bench/access-1m.sqlite')
export const POSTGRES_DATASET_DB = 'bench_access_1m'

export type Seeded = { reused: boolean; seconds: number; rows: number; endMs: number }

export function postgresDatasetUrl(database = POSTGRES_DATASET_DB): string {
  const url = new URL(TEST_POSTGRES_URL)
  url.pathname = `/${database}`
  return url.toString()
}

function readSqliteMarker(file: string, rows: number): number | null {
  if (!existsSync(file)) return null
  const db = new Database(file, { readonly: true })
  try {
    const marker = db.prepare('SELECT version, rows, endMs FROM "_BenchSeed"').get() as
      { version: string; rows: number; endMs: number } | undefined
    return marker && marker.version === DATASET_VERSION && marker.rows === rows ? marker.endMs : null
  } catch {
    return null
  } finally {
    db.close()
  }
}

export async function ensureSqliteDataset(
  rows: number,
  file = SQLITE_DATASET_FILE,
  log: (line: string) => void = console.log,
): Promise<Seeded> {
  const existing = readSqliteMarker(file, rows)
  if (existing !== null) return { reused: true, seconds: 0, rows, endMs: existing }
  mkdirSync(path.dirname(file), { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
  const seeded = await seedHistory(`file:${file}`, { events: rows, prefix: 'bench', useExisting: false, log })
  const db = new Database(file)
  db.exec('CREATE TABLE "_BenchSeed" (version TEXT NOT NULL, rows INTEGER NOT NULL, endMs INTEGER NOT NULL)')
  db.prepare('INSERT INTO "_BenchSeed" VALUES (?, ?, ?)').run(DATASET_VERSION, rows, seeded.endMs)
  db.close()
  return { reused: false, seconds: seeded.seconds, rows, endMs: seeded.endMs }
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

async function readPostgresMarker(rows: number): Promise<number | null> {
  const exists = await withClient(
    TEST_POSTGRES_URL,
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [POSTGRES_DATASET_DB])).rowCount,
  )
  if (!exists) return null
  return withClient(postgresDatasetUrl(), async (c) => {
    try {
      const { rows: marker } = await c.query<{ version: string; rows: number; endMs: string }>(
        'SELECT version, rows, "endMs" FROM "_BenchSeed"',
      )
      return marker[0] && marker[0].version === DATASET_VERSION && marker[0].rows === rows
        ? Number(marker[0].endMs)
        : null
    } catch {
      return null
    }
  })
}

export async function ensurePostgresDataset(rows: number, log: (line: string) => void = console.log): Promise<Seeded> {
  const existing = await readPostgresMarker(rows)
  if (existing !== null) return { reused: true, seconds: 0, rows, endMs: existing }
  await withClient(TEST_POSTGRES_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${POSTGRES_DATASET_DB}" WITH (FORCE)`)
    await c.query(`CREATE DATABASE "${POSTGRES_DATASET_DB}"`)
  })
  const seeded = await seedHistory(postgresDatasetUrl(), { events: rows, prefix: 'bench', useExisting: false, log })
  await withClient(postgresDatasetUrl(), async (c) => {
    await c.query('CREATE TABLE "_BenchSeed" (version TEXT NOT NULL, rows INTEGER NOT NULL, "endMs" BIGINT NOT NULL)')
    await c.query('INSERT INTO "_BenchSeed" VALUES ($1, $2, $3)', [DATASET_VERSION, rows, seeded.endMs])
  })
  return { reused: false, seconds: seeded.seconds, rows, endMs: seeded.endMs }
}
