// Real databases for integration tests (never a mock of Prisma): a fresh SQLite file, or a fresh PostgreSQL
// database on the local server, migrated with the production runner and dropped afterwards.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { configureSqlite, createDb, type Db, type DbProvider } from '@/lib/db/client'
import { migrateDatabase } from '@/lib/db/migrate'

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

/** Providers the integration suites run on: both by default; TEST_DATABASES=sqlite narrows it. */
export const TEST_PROVIDERS = (process.env.TEST_DATABASES ?? 'sqlite,postgresql')
  .split(',')
  .map((p) => p.trim())
  .filter((p): p is DbProvider => p === 'sqlite' || p === 'postgresql')

export type TestDatabase = { provider: DbProvider; url: string; db: Db; drop(): Promise<void> }

export async function createEmptyDatabase(provider: DbProvider): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `console_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  if (provider === 'sqlite') {
    const file = path.join(os.tmpdir(), `${name}.db`)
    return {
      url: `file:${file}`,
      async drop() {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
      },
    }
  }
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(TEST_POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await client.end()
    },
  }
}

export async function createTestDatabase(provider: DbProvider): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(provider)
  await migrateDatabase(empty.url)
  const db = createDb({ databaseUrl: empty.url, poolSize: 5 })
  if (provider === 'sqlite') await configureSqlite(db, 'NORMAL')
  return {
    provider,
    url: empty.url,
    db,
    async drop() {
      await db.$disconnect()
      await empty.drop()
    },
  }
}
