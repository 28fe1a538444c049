// Audit rows are append-only. The database refuses any UPDATE of AuditLog (a trigger, on SQLite and PostgreSQL),
// except the actor link cleared when a user row is deleted and the erasure's redaction of personal values; no code
// but retention deletes rows, and none but the erasure updates them: a scan of every route and lib file.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'

const ROOT = path.resolve(__dirname, '../..')
/** Retention: the scheduled purge, and the sign-in noise pruning. Nothing else deletes audit rows. */
const MAY_DELETE = ['lib/retention/', 'lib/auth/prune-sign-in-records.ts']
/** The right to erasure: personal values in earlier entries' details become "[erased]" (the trigger checks it). */
const MAY_REDACT = ['lib/residents/erase-resident.ts']

const WRITES = [
  /\bauditLog\s*\.\s*(update|updateMany|upsert|updateManyAndReturn)\b/,
  /\bUPDATE\s+"?AuditLog"?/i,
  /\bALTER\s+TABLE\s+"?AuditLog"?\s+DISABLE\s+TRIGGER/i,
]
const DELETES = [
  /\bauditLog\s*\.\s*(delete|deleteMany)\b/,
  /\bDELETE\s+FROM\s+"?AuditLog"?/i,
  /\bTRUNCATE\b[^;]*AuditLog/i,
]

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(file)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : []
  })
}

function violations(file: string, source: string): string[] {
  const found: string[] = []
  if (!MAY_REDACT.includes(file))
    for (const pattern of WRITES) if (pattern.test(source)) found.push(`${file}: updates AuditLog`)
  if (!MAY_DELETE.some((allowed) => file.startsWith(allowed)))
    for (const pattern of DELETES) if (pattern.test(source)) found.push(`${file}: deletes AuditLog rows`)
  return found
}

describe('no code path updates or deletes audit rows (retention aside)', () => {
  it('catches each kind of write (so the scan below can fail)', () => {
    expect(violations('app/api/x/route.ts', 'await db.auditLog.update({ where })')).toHaveLength(1)
    expect(violations('lib/x/data.ts', 'await db.auditLog.deleteMany()')).toHaveLength(1)
    expect(violations('lib/x/data.ts', 'db.$executeRaw`DELETE FROM "AuditLog" WHERE 1`')).toHaveLength(1)
    expect(violations('lib/retention/purge.ts', 'await tx.auditLog.deleteMany({ where })')).toEqual([])
    expect(violations('lib/retention/purge.ts', 'await tx.auditLog.updateMany({ where })')).toHaveLength(1)
  })

  it('holds for every route and lib file', () => {
    const files = [...sourceFiles('app'), ...sourceFiles('lib'), ...sourceFiles('components')]
    expect(files.length).toBeGreaterThan(100)
    expect(files.flatMap((file) => violations(file, readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([])
  })
})

describe.each(TEST_PROVIDERS)('the AuditLog trigger on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await testDb.db.user.create({ data: { id: 'u-1', email: 'a@x.test', name: 'A', role: 'admin', passwordHash: 'x' } })
    await testDb.db.auditLog.create({
      data: { id: 'al-1', actorId: 'u-1', actorLabel: 'a@x.test', action: 'device.unlock', targetId: 'door' },
    })
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  it('refuses to change a row, by the client or by raw SQL', async () => {
    const db = testDb.db
    await expect(db.auditLog.update({ where: { id: 'al-1' }, data: { action: 'nothing.happened' } })).rejects.toThrow(
      /append-only/,
    )
    await expect(db.auditLog.updateMany({ data: { ip: '1.2.3.4' } })).rejects.toThrow(/append-only/)
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLog" SET "details" = '{}'`)).rejects.toThrow(/append-only/)
    // Clearing the actor by hand is refused too when anything else changes with it.
    await expect(
      db.auditLog.update({ where: { id: 'al-1' }, data: { actorId: null, actorLabel: 'someone else' } }),
    ).rejects.toThrow(/append-only/)
    expect(await db.auditLog.findUnique({ where: { id: 'al-1' } })).toMatchObject({
      action: 'device.unlock',
      ip: null,
      details: null,
      actorLabel: 'a@x.test',
    })
  })

  it('lets an erasure redact personal values in the details, and nothing else with them', async () => {
    const db = testDb.db
    await db.auditLog.create({
      data: { id: 'al-2', actorLabel: 'a@x.test', action: 'resident.updated', details: '{"name":"Alice Martin"}' },
    })
    await expect(
      db.auditLog.update({ where: { id: 'al-2' }, data: { details: '{"name":"Alice M."}' } }),
    ).rejects.toThrow(/append-only/)
    await expect(
      db.auditLog.update({ where: { id: 'al-2' }, data: { details: '{"name":"[erased]"}', action: 'x' } }),
    ).rejects.toThrow(/append-only/)
    await db.auditLog.update({ where: { id: 'al-2' }, data: { details: '{"name":"[erased]"}' } })
    expect(await db.auditLog.findUnique({ where: { id: 'al-2' } })).toMatchObject({
      details: '{"name":"[erased]"}',
      action: 'resident.updated',
    })
  })

  it('lets a deleted user row clear the actor link, and keeps the entry with their label', async () => {
    await testDb.db.user.delete({ where: { id: 'u-1' } })
    expect(await testDb.db.auditLog.findUnique({ where: { id: 'al-1' } })).toMatchObject({
      actorId: null,
      actorLabel: 'a@x.test',
      action: 'device.unlock',
    })
  })
})
