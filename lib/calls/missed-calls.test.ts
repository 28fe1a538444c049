// Missed calls stay listed until a guard marks them seen, on real databases: the mark is stamped with who and
// when, audited and broadcast once; the "missed, not seen" list drops the call; a second mark (another guard a
// moment later) changes nothing; only missed calls can be marked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import { callQuerySchema, listCalls } from '@/lib/calls/data'
import { markCallSeen } from '@/lib/calls/mutations'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'

describe.each(TEST_PROVIDERS)('missed → seen on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let deviceId: string
  let guard: Actor
  let other: Actor

  const unseenMissed = async () =>
    (await listCalls(db, callQuerySchema.parse({ state: 'missed', seen: 'false' }))).items.map((c) => c.id)
  const call = (state: string) =>
    db.call.create({
      data: {
        deviceId,
        state,
        startedAt: new Date(Date.now() - 60_000),
        endedAt: new Date(),
        lastSignalAt: new Date(),
      },
    })

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
    deviceId = (
      await db.device.create({ data: { tuyaId: `seen-${provider}`, name: 'Side gate', category: 'door_station' } })
    ).id
    const [a, b] = await Promise.all(
      ['Gina Guard', 'Omar Guard'].map((name, i) =>
        db.user.create({ data: { email: `g${i}@example.test`, name, role: 'guard', passwordHash: 'x' } }),
      ),
    )
    guard = { userId: a.id, email: a.email, name: a.name, role: 'guard', via: 'session' }
    other = { userId: b.id, email: b.email, name: b.name, role: 'guard', via: 'session' }
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  it('keeps a missed call listed until a guard marks it seen, then records, audits and broadcasts it once', async () => {
    const missed = await call('missed')
    expect(await unseenMissed()).toContain(missed.id)

    const live = recordLiveEmissions()
    let item
    try {
      item = await markCallSeen(db, guard, missed.id, { ip: '203.0.113.9' })
    } finally {
      live.stop()
    }
    expect(item).toMatchObject({ id: missed.id, state: 'missed', seenBy: 'Gina Guard', deviceName: 'Side gate' })
    expect(item.seenAt).not.toBeNull()
    expect(await unseenMissed()).not.toContain(missed.id)
    const seen = await listCalls(db, callQuerySchema.parse({ state: 'missed', seen: 'true' }))
    expect(seen.items.map((c) => c.id)).toContain(missed.id)
    expect(live.emitted).toEqual([
      expect.objectContaining({
        event: 'call.updated',
        payload: expect.objectContaining({ id: missed.id, seenBy: 'Gina Guard' }),
      }),
    ])
    const audit = await db.auditLog.findMany({ where: { action: 'call.seen', targetId: missed.id } })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorId: guard.userId, ip: '203.0.113.9' })

    const again = recordLiveEmissions()
    try {
      expect(await markCallSeen(db, other, missed.id, {})).toMatchObject({ seenBy: 'Gina Guard' })
    } finally {
      again.stop()
    }
    expect(again.emitted).toEqual([])
    expect(await db.auditLog.count({ where: { action: 'call.seen', targetId: missed.id } })).toBe(1)
  })

  it('refuses to mark a call that was not missed, and an unknown one', async () => {
    const answered = await call('answered')
    await expect(markCallSeen(db, guard, answered.id, {})).rejects.toMatchObject({ status: 409 })
    await expect(markCallSeen(db, guard, 'no-such-call', {})).rejects.toMatchObject({ status: 404 })
    expect((await db.call.findUniqueOrThrow({ where: { id: answered.id } })).seenAt).toBeNull()
  })
})
