// The retention purge on a real database (SQLite and PostgreSQL): each class loses exactly its rows older than its
// window, in small batches, and nothing else (enrolled photos, unresolved alarms, running sign-in waits stay);
// references to purged snapshots and messages are cleared; a run is audited with counts only; one instance runs
// at a time (the lease); and the settings validate, default and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { claimLease, releaseLease } from '@/lib/retention/lease'
import { countPurgeable, purgeExpired } from '@/lib/retention/purge'
import { readRetentionSettings } from '@/lib/retention/retention-settings'
import { readRetentionDays, updateRetentionDays } from '@/lib/settings/retention'
import { DEFAULT_RETENTION_DAYS } from '@/lib/settings/retention-schema'

const NOW = new Date('2026-11-30T12:00:00.000Z')
const DAY = 86_400_000
const admin: Actor = { userId: 'u-admin', email: 'admin@x.test', name: 'A', role: 'admin', via: 'session' }
/** Windows for the test: every class a different length. */
const DAYS = { accessEvents: 30, snapshots: 7, rawMessages: 3, calls: 60, alarms: 90, auditLog: 120, signInThrottle: 2 }
/** Just before / just after a class's cutoff. */
const old = (days: number) => new Date(NOW.getTime() - days * DAY - 60_000)
const kept = (days: number) => new Date(NOW.getTime() - days * DAY + 60_000)

describe.each(TEST_PROVIDERS)('retention purge on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    const db = testDb.db
    await db.user.create({
      data: { id: admin.userId, email: admin.email, name: 'A', role: 'admin', passwordHash: 'x' },
    })
    await updateRetentionDays(db, admin, { days: DAYS }, {})
    await db.device.create({ data: { id: 'dev', tuyaId: 't-dev', name: 'Gate', category: 'door_station' } })
    await db.resident.create({ data: { id: 'res', name: 'Alice', externalId: 'p-a' } })
    // Snapshots: two old captures (one still referenced by a kept event), one recent, one old enrolled photo.
    for (const [id, at] of [
      ['snap-old', old(7)],
      ['snap-old-referenced', old(7)],
      ['snap-new', kept(7)],
      ['snap-photo', old(400)],
    ] as const)
      await db.snapshot.create({ data: { id, source: 'x', state: 'stored', createdAt: at } })
    await db.credential.create({ data: { residentId: 'res', kind: 'face', photoId: 'snap-photo' } })
    for (const [id, at] of [
      ['msg-old', old(3)],
      ['msg-new', kept(3)],
    ] as const)
      await db.inboundMessage.create({
        data: {
          id,
          source: 'mq',
          sourceMessageId: id,
          shape: 'x',
          payload: '{}',
          outcome: 'processed',
          receivedAt: at,
        },
      })
    const event = (id: string, at: Date, extra: object = {}) => ({
      id,
      deviceId: 'dev',
      deviceTuyaId: 't-dev',
      occurredAt: at,
      method: 'face',
      result: 'granted',
      sourceCode: 'accessRecord',
      ...extra,
    })
    await db.accessEvent.createMany({
      data: [
        ...Array.from({ length: 7 }, (_, i) => event(`ae-old-${i}`, new Date(old(30).getTime() - i * DAY))),
        event('ae-new', kept(30), { snapshotId: 'snap-old-referenced', messageId: 'msg-old' }),
        event('ae-new-2', kept(1), { snapshotId: 'snap-new', messageId: 'msg-new' }),
      ],
    })
    await db.call.createMany({
      data: [
        { id: 'call-old', deviceId: 'dev', state: 'missed', startedAt: old(60), lastSignalAt: old(60) },
        { id: 'call-new', deviceId: 'dev', state: 'answered', startedAt: kept(60), lastSignalAt: kept(60) },
        // Started long ago but signalled recently: still going, kept.
        { id: 'call-long', deviceId: 'dev', state: 'answered', startedAt: old(60), lastSignalAt: kept(1) },
      ],
    })
    await db.callEvent.create({ data: { callId: 'call-old', signal: 'ring', toState: 'ringing', at: old(60) } })
    const alarm = (id: string, state: string, lastAt: Date) => ({
      id,
      deviceId: 'dev',
      type: 'tamper',
      priority: 'high',
      state,
      firstAt: lastAt,
      lastAt,
    })
    await db.alarm.createMany({
      data: [
        alarm('alarm-old', 'resolved', old(90)),
        alarm('alarm-new', 'resolved', kept(90)),
        alarm('alarm-open', 'open', old(90)),
      ],
    })
    await db.alarmNote.create({ data: { alarmId: 'alarm-old', kind: 'resolve', createdAt: old(90) } })
    await db.auditLog.createMany({
      data: [
        { id: 'al-old', at: old(120), actorLabel: 'x', action: 'auth.sign_in' },
        { id: 'al-new', at: kept(120), actorLabel: 'x', action: 'auth.sign_in' },
      ],
    })
    await db.loginThrottle.createMany({
      data: [
        { key: 'ip:old', failures: 3, windowStart: old(2) },
        { key: 'ip:new', failures: 3, windowStart: kept(2) },
        { key: 'ip:locked', failures: 9, windowStart: old(2), lockedUntil: new Date(NOW.getTime() + 60_000) },
      ],
    })
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const idsOf = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).map((r) => r.id).sort()

  it('counts, then removes exactly what is older than each window, and nothing else', async () => {
    const db = testDb.db
    const expected = {
      accessEvents: 7,
      snapshots: 2,
      rawMessages: 1,
      calls: 1,
      alarms: 1,
      auditLog: 1,
      signInThrottle: 1,
    }
    expect(await countPurgeable(db, await readRetentionDays(db), NOW)).toEqual(expected)
    const outcome = await purgeExpired(db, { now: NOW, batchSize: 3, pauseMs: 0 })
    expect(outcome).toEqual({ ran: true, removed: expected, stopped: false })

    expect(await idsOf(db.accessEvent.findMany())).toEqual(['ae-new', 'ae-new-2'])
    expect(await idsOf(db.snapshot.findMany())).toEqual(['snap-new', 'snap-photo'])
    expect(await idsOf(db.inboundMessage.findMany())).toEqual(['msg-new'])
    expect(await idsOf(db.call.findMany())).toEqual(['call-long', 'call-new'])
    expect(await db.callEvent.count()).toBe(0)
    expect(await idsOf(db.alarm.findMany())).toEqual(['alarm-new', 'alarm-open'])
    expect(await db.alarmNote.count()).toBe(0)
    expect((await db.loginThrottle.findMany()).map((r) => r.key).sort()).toEqual(['ip:locked', 'ip:new'])
    // The kept event lost its purged snapshot and raw message, not itself.
    expect(await db.accessEvent.findUnique({ where: { id: 'ae-new' } })).toMatchObject({
      snapshotId: null,
      messageId: null,
    })
    expect(await db.accessEvent.findUnique({ where: { id: 'ae-new-2' } })).toMatchObject({
      snapshotId: 'snap-new',
      messageId: 'msg-new',
    })
    // The run is in the trail with counts only (the old sign-in entry went, the rest stayed).
    const entries = await db.auditLog.findMany({ where: { action: 'retention.purged' } })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actorId: null, actorLabel: 'system' })
    expect(JSON.parse(entries[0].details ?? '{}')).toEqual({ removed: expected })
    expect(await idsOf(db.auditLog.findMany({ where: { action: 'auth.sign_in' } }))).toEqual(['al-new'])
    // Nothing left to remove; the settings page shows the run.
    const settings = await readRetentionSettings(db, NOW)
    expect(Object.values(settings.nextPurge).every((n) => n === 0)).toBe(true)
    expect(settings.lastPurge?.removed).toEqual(expected)
  })

  it('runs on one instance at a time: the lease', async () => {
    const db = testDb.db
    expect(await claimLease(db, 'instance-a', 60_000, NOW)).toBe(true)
    expect(await claimLease(db, 'instance-b', 60_000, NOW)).toBe(false)
    expect(await purgeExpired(db, { now: NOW, owner: 'instance-b' })).toEqual({ ran: false, reason: 'busy' })
    // A renewal by the holder works; once it has expired, another instance takes over.
    expect(await claimLease(db, 'instance-a', 60_000, new Date(NOW.getTime() + 30_000))).toBe(true)
    expect(await claimLease(db, 'instance-b', 60_000, new Date(NOW.getTime() + 91_000))).toBe(true)
    expect(await claimLease(db, 'instance-a', 60_000, new Date(NOW.getTime() + 92_000))).toBe(false)
    await releaseLease(db, 'instance-a') // not the holder: nothing happens
    expect(await claimLease(db, 'instance-c', 60_000, new Date(NOW.getTime() + 93_000))).toBe(false)
    await releaseLease(db, 'instance-b')
    expect(await claimLease(db, 'instance-c', 60_000, new Date(NOW.getTime() + 94_000))).toBe(true)
    await releaseLease(db, 'instance-c')
  })

  it('lets two purges race without removing anything twice or failing', async () => {
    const db = testDb.db
    await db.accessEvent.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        id: `race-${i}`,
        deviceId: 'dev',
        deviceTuyaId: 't-dev',
        occurredAt: old(31),
        method: 'card',
        result: 'granted',
        sourceCode: 'x',
      })),
    })
    const outcomes = await Promise.all([
      purgeExpired(db, { now: NOW, batchSize: 2, pauseMs: 1, owner: 'p1' }),
      purgeExpired(db, { now: NOW, batchSize: 2, pauseMs: 1, owner: 'p2' }),
    ])
    const ran = outcomes.filter((o) => o.ran)
    expect(ran).toHaveLength(1)
    expect(ran[0]).toMatchObject({ removed: { accessEvents: 20 } })
    expect(await db.accessEvent.count({ where: { id: { startsWith: 'race-' } } })).toBe(0)
  })

  it('validates, defaults and audits the windows', async () => {
    const db = testDb.db
    await expect(updateRetentionDays(db, admin, { days: { auditLog: 30 } }, {})).rejects.toMatchObject({ status: 400 })
    await expect(updateRetentionDays(db, admin, { days: { accessEvents: 1.5 } }, {})).rejects.toMatchObject({
      status: 400,
    })
    await expect(updateRetentionDays(db, admin, { days: { forever: 1 } }, {})).rejects.toMatchObject({ status: 400 })
    await expect(updateRetentionDays(db, admin, { days: { snapshots: '10' } }, {})).rejects.toMatchObject({
      status: 400,
    })
    const saved = await updateRetentionDays(db, admin, { days: { snapshots: 14 } }, { ip: '10.0.0.1' })
    expect(saved).toEqual({ ...DAYS, snapshots: 14 })
    const entry = await db.auditLog.findFirst({
      where: { action: 'settings.retention.updated' },
      orderBy: { at: 'desc' },
    })
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({ days: { snapshots: { from: 7, to: 14 } } })
    // A value stored by hand outside the limits is not used.
    await db.keyValue.update({ where: { key: 'settings.retention' }, data: { value: '{"auditLog":1,"calls":45}' } })
    expect(await readRetentionDays(db)).toEqual({ ...DEFAULT_RETENTION_DAYS, calls: 45 })
  })
})
