// Seeds the 1M-row access history once and keeps it under ./data/bench/ (SQLite file) and in the local PostgreSQL
// (database bench_access_1m), with a marker table so later runs reuse it. Bulk paths: better-sqlite3 prepared
// inserts in large transactions, PostgreSQL multi-row INSERT … SELECT unnest(…); the AccessEvent indexes are
// dropped during the load and rebuilt from the migration's own definitions afterwards.
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { migrateDatabase } from '@/lib/db/migrate'
import { TEST_POSTGRES_URL } from '@/lib/db/test-database'
import { type AccessRow, createBuilding, DATASET_VERSION, generateAccessRows } from '@/bench/support/access-dataset'

export const SQLITE_DATASET_FILE = path.resolve('data/bench/access-1m.sqlite')
export const POSTGRES_DATASET_DB = 'bench_access_1m'

export type Seeded = { reused: boolean; seconds: number; rows: number; endMs: number }

const iso = (ms: number) => new Date(ms).toISOString()
/** Prisma's SQLite adapter writes DateTime as ISO-8601 text with a +00:00 offset; match it byte for byte. */
const sqliteTime = (ms: number) => iso(ms).replace('Z', '+00:00')

export function postgresDatasetUrl(): string {
  const url = new URL(TEST_POSTGRES_URL)
  url.pathname = `/${POSTGRES_DATASET_DB}`
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
  const started = performance.now()
  mkdirSync(path.dirname(file), { recursive: true })
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
  await migrateDatabase(`file:${file}`)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  const endMs = Date.now()
  const { devices, residents } = createBuilding()
  const now = sqliteTime(endMs)
  db.transaction(() => {
    const device = db.prepare(
      'INSERT INTO "Device" (id, tuyaId, name, category, online, createdAt, updatedAt) VALUES (?, ?, ?, ?, 1, ?, ?)',
    )
    for (const d of devices) device.run(d.id, d.tuyaId, d.name, d.category, now, now)
    const resident = db.prepare(
      'INSERT INTO "Resident" (id, name, externalId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)',
    )
    for (const r of residents) resident.run(r.id, r.name, r.externalId, now, now)
  })()
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'AccessEvent' AND sql IS NOT NULL`,
    )
    .all() as { name: string; sql: string }[]
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`)
  const snapshot = db.prepare('INSERT INTO "Snapshot" (id, source, state, createdAt) VALUES (?, ?, ?, ?)')
  const event = db.prepare(
    `INSERT INTO "AccessEvent" (id, deviceId, deviceTuyaId, occurredAt, receivedAt, method, result, residentId, residentName,
       externalUserId, credentialSlot, sourceCode, snapshotId, backfilled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertBatch = db.transaction((batch: AccessRow[]) => {
    for (const r of batch) {
      if (r.snapshotId)
        snapshot.run(r.snapshotId, `https://cdn.example/${r.id}.jpg`, r.snapshotState, sqliteTime(r.receivedAt))
      event.run(
        r.id,
        r.deviceId,
        r.deviceTuyaId,
        sqliteTime(r.occurredAt),
        sqliteTime(r.receivedAt),
        r.method,
        r.result,
        r.residentId,
        r.residentName,
        r.externalUserId,
        r.credentialSlot,
        r.sourceCode,
        r.snapshotId,
        r.backfilled ? 1 : 0,
      )
    }
  })
  let done = 0
  for (const batch of generateAccessRows(rows, endMs, 50_000)) {
    insertBatch(batch)
    done += batch.length
    if (done % 250_000 === 0)
      log(`  sqlite: ${done.toLocaleString('en')} rows (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  }
  for (const index of indexes) db.exec(index.sql)
  db.exec('CREATE TABLE "_BenchSeed" (version TEXT NOT NULL, rows INTEGER NOT NULL, endMs INTEGER NOT NULL)')
  db.prepare('INSERT INTO "_BenchSeed" VALUES (?, ?, ?)').run(DATASET_VERSION, rows, endMs)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return { reused: false, seconds: (performance.now() - started) / 1000, rows, endMs }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
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

const EVENT_COLUMNS = [
  ['id', 'text'],
  ['deviceId', 'text'],
  ['deviceTuyaId', 'text'],
  ['occurredAt', 'timestamp'],
  ['receivedAt', 'timestamp'],
  ['method', 'text'],
  ['result', 'text'],
  ['residentId', 'text'],
  ['residentName', 'text'],
  ['externalUserId', 'text'],
  ['credentialSlot', 'text'],
  ['sourceCode', 'text'],
  ['snapshotId', 'text'],
  ['backfilled', 'boolean'],
] as const

export async function ensurePostgresDataset(rows: number, log: (line: string) => void = console.log): Promise<Seeded> {
  const existing = await readPostgresMarker(rows)
  if (existing !== null) return { reused: true, seconds: 0, rows, endMs: existing }
  const started = performance.now()
  await withClient(TEST_POSTGRES_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${POSTGRES_DATASET_DB}" WITH (FORCE)`)
    await c.query(`CREATE DATABASE "${POSTGRES_DATASET_DB}"`)
  })
  await migrateDatabase(postgresDatasetUrl())
  const endMs = Date.now()
  const { devices, residents } = createBuilding()
  await withClient(postgresDatasetUrl(), async (c) => {
    await c.query('SET synchronous_commit = off')
    for (const d of devices) {
      await c.query(
        'INSERT INTO "Device" (id, "tuyaId", name, category, online, "updatedAt") VALUES ($1, $2, $3, $4, true, now())',
        [d.id, d.tuyaId, d.name, d.category],
      )
    }
    await c.query(
      'INSERT INTO "Resident" (id, name, "externalId", "updatedAt") SELECT * , now() FROM unnest($1::text[], $2::text[], $3::text[])',
      [residents.map((r) => r.id), residents.map((r) => r.name), residents.map((r) => r.externalId)],
    )
    const { rows: indexes } = await c.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'AccessEvent' AND indexname <> 'AccessEvent_pkey'`,
    )
    for (const index of indexes) await c.query(`DROP INDEX "${index.indexname}"`)
    const columnList = EVENT_COLUMNS.map(([name]) => `"${name}"`).join(', ')
    const unnest = EVENT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')
    let done = 0
    for (const batch of generateAccessRows(rows, endMs, 10_000)) {
      const captured = batch.filter((r) => r.snapshotId)
      await c.query('BEGIN')
      await c.query(
        'INSERT INTO "Snapshot" (id, source, state, "createdAt") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp[])',
        [
          captured.map((r) => r.snapshotId),
          captured.map((r) => `https://cdn.example/${r.id}.jpg`),
          captured.map((r) => r.snapshotState),
          captured.map((r) => iso(r.receivedAt)),
        ],
      )
      await c.query(`INSERT INTO "AccessEvent" (${columnList}) SELECT * FROM unnest(${unnest})`, [
        batch.map((r) => r.id),
        batch.map((r) => r.deviceId),
        batch.map((r) => r.deviceTuyaId),
        batch.map((r) => iso(r.occurredAt)),
        batch.map((r) => iso(r.receivedAt)),
        batch.map((r) => r.method),
        batch.map((r) => r.result),
        batch.map((r) => r.residentId),
        batch.map((r) => r.residentName),
        batch.map((r) => r.externalUserId),
        batch.map((r) => r.credentialSlot),
        batch.map((r) => r.sourceCode),
        batch.map((r) => r.snapshotId),
        batch.map((r) => r.backfilled),
      ])
      await c.query('COMMIT')
      done += batch.length
      if (done % 250_000 === 0)
        log(`  postgresql: ${done.toLocaleString('en')} rows (${((performance.now() - started) / 1000).toFixed(0)} s)`)
    }
    for (const index of indexes) await c.query(index.indexdef)
    await c.query('VACUUM ANALYZE "AccessEvent"')
    await c.query('VACUUM ANALYZE "Snapshot"')
    await c.query('CREATE TABLE "_BenchSeed" (version TEXT NOT NULL, rows INTEGER NOT NULL, "endMs" BIGINT NOT NULL)')
    await c.query('INSERT INTO "_BenchSeed" VALUES ($1, $2, $3)', [DATASET_VERSION, rows, endMs])
  })
  return { reused: false, seconds: (performance.now() - started) / 1000, rows, endMs }
}
