import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDb, configureSqlite } from '@/lib/db/client'
import { migrateDatabase, migrationsDir, readMigrations } from '@/lib/db/migrate'
import { compareDatabaseWithSchema, parsePrismaModels } from '@/lib/db/schema-conformance'
import { createEmptyDatabase, TEST_PROVIDERS } from '@/lib/db/test-database'
import { derivePostgresSchema } from '@/scripts/derive-pg-schema'

const root = path.resolve(__dirname, '../..')
const schema = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8')

describe('schemas', () => {
  it('keeps the PostgreSQL schema derived from the SQLite one', () => {
    expect(readFileSync(path.join(root, 'prisma/postgres/schema.prisma'), 'utf8')).toBe(derivePostgresSchema(schema))
  })

  it('has the same migration names for both providers', () => {
    const names = (p: 'sqlite' | 'postgresql') => readMigrations(migrationsDir(p, root)).map((m) => m.name)
    expect(names('postgresql')).toEqual(names('sqlite'))
  })

  it('parses every model of the schema', () => {
    expect(parsePrismaModels(schema).map((m) => m.name)).toContain('AccessEvent')
  })
})

describe.each(TEST_PROVIDERS)('migrations on %s', (provider) => {
  it('apply from empty, are idempotent, and produce exactly the Prisma schema', async () => {
    const empty = await createEmptyDatabase(provider)
    try {
      const first = await migrateDatabase(empty.url, root)
      expect(first.applied.length).toBeGreaterThan(0)
      const second = await migrateDatabase(empty.url, root)
      expect(second.applied).toEqual([])
      expect(second.alreadyApplied).toBe(first.applied.length)

      const db = createDb({ databaseUrl: empty.url })
      try {
        if (provider === 'sqlite') await configureSqlite(db, 'NORMAL')
        expect(await compareDatabaseWithSchema(db, provider, schema)).toEqual([])
        // The generated client works against the migrated tables, including defaults and autoincrement.
        const user = await db.user.create({
          data: { email: 'x@example.test', name: 'x', role: 'guard', passwordHash: 'h' },
        })
        expect(user.createdAt).toBeInstanceOf(Date)
        const [a, b] = [
          await db.liveEvent.create({ data: { event: 'e', payload: '{}' } }),
          await db.liveEvent.create({ data: { event: 'e', payload: '{}' } }),
        ]
        expect(b.seq).toBeGreaterThan(a.seq)
      } finally {
        await db.$disconnect()
      }
    } finally {
      await empty.drop()
    }
  })

  it('runs concurrently without applying a migration twice', async () => {
    const empty = await createEmptyDatabase(provider)
    try {
      const results = await Promise.allSettled([migrateDatabase(empty.url, root), migrateDatabase(empty.url, root)])
      const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.applied : []))
      expect(applied.length).toBe(readMigrations(migrationsDir(provider, root)).length)
    } finally {
      await empty.drop()
    }
  })
})
