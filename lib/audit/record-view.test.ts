// Audited reads on a real database (SQLite and PostgreSQL): opening a snapshot or an enrolled photo and searching a
// resident's history are recorded, and repeat views by the same user of the same object within the fold window are
// folded into the first entry (skipped: audit rows are never updated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAccessEventsFor } from '@/lib/access/list-request'
import type { Actor } from '@/lib/auth/actor'
import { recordSnapshotView, recordView, VIEW_FOLD_WINDOW_MS } from '@/lib/audit/record-view'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'

const manager: Actor = { userId: 'u-m', email: 'm@x.test', name: 'M', role: 'manager', via: 'session' }
const other: Actor = { ...manager, userId: 'u-o', email: 'o@x.test' }
const by = (a: Actor) => ({ actor: { userId: a.userId, label: a.email }, context: { ip: '10.0.0.9' } })
const T0 = new Date('2026-11-30T10:00:00.000Z')
const later = (ms: number) => new Date(T0.getTime() + ms)

describe.each(TEST_PROVIDERS)('audited views on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    const db = testDb.db
    for (const a of [manager, other])
      await db.user.create({ data: { id: a.userId, email: a.email, name: a.name, role: a.role, passwordHash: 'x' } })
    await db.resident.create({ data: { id: 'res-a', name: 'Alice', externalId: 'p-a' } })
    await db.snapshot.create({ data: { id: 'snap-entry', source: 'x', state: 'stored' } })
    await db.snapshot.create({ data: { id: 'snap-photo', source: 'x', state: 'stored' } })
    await db.credential.create({ data: { residentId: 'res-a', kind: 'face', photoId: 'snap-photo' } })
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const rowsSince = async (since: Date) =>
    testDb.db.auditLog.findMany({ where: { at: { gte: since } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })

  it('folds repeat views of the same object by the same user within the window', async () => {
    const entry = { ...by(manager), action: 'snapshot.viewed', targetType: 'snapshot', targetId: 'snap-entry' }
    expect(await recordView(testDb.db, entry, T0)).toBe('recorded')
    expect(await recordView(testDb.db, entry, later(60_000))).toBe('folded')
    expect(await recordView(testDb.db, entry, later(VIEW_FOLD_WINDOW_MS - 1))).toBe('folded')
    // Another object, another user: their own entries.
    expect(await recordView(testDb.db, { ...entry, targetId: 'snap-photo' }, later(1_000))).toBe('recorded')
    expect(await recordView(testDb.db, { ...entry, ...by(other) }, later(2_000))).toBe('recorded')
    // Past the window (counted from the recorded entry), a new entry.
    expect(await recordView(testDb.db, entry, later(VIEW_FOLD_WINDOW_MS + 1))).toBe('recorded')
    const rows = await rowsSince(T0)
    expect(rows.map((r) => [r.actorLabel, r.targetId])).toEqual([
      ['m@x.test', 'snap-entry'],
      ['m@x.test', 'snap-photo'],
      ['o@x.test', 'snap-entry'],
      ['m@x.test', 'snap-entry'],
    ])
    expect(rows[0]).toMatchObject({ action: 'snapshot.viewed', ip: '10.0.0.9', actorId: 'u-m' })
  })

  it('tells an enrolled photo from an access snapshot', async () => {
    const t = later(3_600_000)
    await recordSnapshotView(testDb.db, by(manager), 'snap-photo', t)
    await recordSnapshotView(testDb.db, by(manager), 'snap-entry', t)
    const rows = await rowsSince(t)
    expect(rows.map((r) => r.action).sort()).toEqual(['photo.viewed', 'snapshot.viewed'])
    expect(JSON.parse(rows.find((r) => r.action === 'photo.viewed')?.details ?? '{}')).toEqual({ residentId: 'res-a' })
  })

  it("audits a search of a resident's history once per user and resident, not the pages after it", async () => {
    const since = new Date()
    const context = { ip: '10.0.0.9' }
    const first = await listAccessEventsFor(testDb.db, manager, { residentId: 'res-a', limit: '5' }, context)
    await listAccessEventsFor(testDb.db, manager, { residentId: 'res-a', method: 'face' }, context)
    await listAccessEventsFor(testDb.db, manager, { method: 'face' }, context)
    expect(first.items).toEqual([])
    const rows = (await rowsSince(since)).filter((r) => r.action === 'access.searched')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ targetType: 'resident', targetId: 'res-a', actorId: 'u-m' })
    expect(JSON.parse(rows[0].details ?? '{}')).toEqual({ filter: { residentId: 'res-a' } })
  })
})
