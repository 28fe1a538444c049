// Applies the SQL migrations under prisma/migrations (SQLite) or prisma/postgres/migrations in name order,
// each in its own transaction, recording them in Prisma's own `_prisma_migrations` table (same columns and
// checksum) so a machine with Prisma's migrate engine sees the same history. Idempotent; safe to run at
// every start. Concurrent starts on PostgreSQL serialise on an advisory lock.
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { providerOf, sqlitePathOf } from '@/lib/db/client'

export type Migration = { name: string; sql: string; checksum: string }
export type MigrateResult = { applied: string[]; alreadyApplied: number }

const MIGRATIONS_TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`
const MIGRATIONS_TABLE_PG = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`

export function migrationsDir(provider: 'sqlite' | 'postgresql', root = process.cwd()): string {
  return path.join(root, 'prisma', provider === 'postgresql' ? 'postgres/migrations' : 'migrations')
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`migrations folder not found: ${dir}`)
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

export async function migrateDatabase(databaseUrl: string, root = process.cwd()): Promise<MigrateResult> {
  const provider = providerOf(databaseUrl)
  const migrations = readMigrations(migrationsDir(provider, root))
  return provider === 'postgresql' ? migratePostgres(databaseUrl, migrations) : migrateSqlite(databaseUrl, migrations)
}

function assertUnchanged(migration: Migration, recordedChecksum: string | undefined) {
  if (recordedChecksum && recordedChecksum !== migration.checksum) {
    throw new Error(`migration ${migration.name} was edited after it was applied (checksum differs)`)
  }
}

function migrateSqlite(databaseUrl: string, migrations: Migration[]): MigrateResult {
  const file = sqlitePathOf(databaseUrl)
  mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file, { timeout: 10_000 })
  try {
    db.pragma('journal_mode = WAL')
    db.exec(MIGRATIONS_TABLE_SQLITE)
    const done = new Map(
      db
        .prepare<[], { migration_name: string; checksum: string }>(
          'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
        .all()
        .map((row) => [row.migration_name, row.checksum]),
    )
    const applied: string[] = []
    for (const migration of migrations) {
      assertUnchanged(migration, done.get(migration.name))
      if (done.has(migration.name)) continue
      db.transaction(() => {
        db.exec(migration.sql)
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), migration.checksum, migration.name, Date.now(), Date.now())
      }).immediate()
      applied.push(migration.name)
    }
    return { applied, alreadyApplied: done.size }
  } finally {
    db.close()
  }
}

async function migratePostgres(databaseUrl: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    // One migrator at a time across every app instance.
    await client.query('SELECT pg_advisory_lock(72707301)')
    await client.query(MIGRATIONS_TABLE_PG)
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]))
    const applied: string[] = []
    for (const migration of migrations) {
      assertUnchanged(migration, done.get(migration.name))
      if (done.has(migration.name)) continue
      try {
        await client.query('BEGIN')
        await client.query(migration.sql)
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        )
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error })
      }
      applied.push(migration.name)
    }
    return { applied, alreadyApplied: done.size }
  } finally {
    await client.query('SELECT pg_advisory_unlock(72707301)').catch(() => undefined)
    await client.end()
  }
}
