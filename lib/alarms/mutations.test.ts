// Operator handling of an alarm (lib/alarms/mutations.ts) on real databases: each action is one change, so the
// alarm, its note, the audit row and the broadcast happen together or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleAlarm } from '@/lib/alarms/mutations'
import type { Actor } from '@/lib/auth/actor'
import type { Db } from '@/lib/db/client'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'

const context = { ip: '10.0.0.9', userAgent: 'vitest' }

describe.each(TEST_PROVIDERS)('handleAlarm on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let guard: Actor

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
    const user = await db.user.create({
      data: { email: 'night@example.test', name: 'Nora Night', role: 'guard', passwordHash: 'x' },
    })
    guard = { userId: user.id, email: user.email, name: user.name, role: 'guard', via: 'session' }
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const openAlarm = (type = 'tamper', priority = 'critical') => {
    const at = new Date()
    return db.alarm.create({
      data: { type, priority, firstAt: at, lastAt: at, openKey: `${at.toISOString()}:${Math.random()}` },
    })
  }
  const attempt = (alarmId: string, action: 'assign' | 'resolve', input: unknown) =>
    handleAlarm(db, guard, alarmId, action, input, context).then(
      (item) => ({ item, error: null }),
      (error: unknown) => ({ item: null, error }),
    )
  const user = (name: string, role: string, disabled = false) =>
    db.user.create({
      data: {
        email: `${name.toLowerCase().replace(/\W/g, '.')}@example.test`,
        name,
        role,
        passwordHash: 'x',
        disabledAt: disabled ? new Date() : null,
      },
    })

  async function acknowledge(alarmId: string) {
    const live = recordLiveEmissions()
    const outcome = await handleAlarm(db, guard, alarmId, 'acknowledge', { note: 'on my way' }, context).then(
      (item) => ({ item, error: null }),
      (error: unknown) => ({ item: null, error }),
    )
    live.stop()
    return { ...outcome, emitted: live.emitted }
  }

  const writtenFor = async (alarmId: string) => ({
    alarm: await db.alarm.findUniqueOrThrow({ where: { id: alarmId }, select: { state: true, acknowledgedAt: true } }),
    notes: await db.alarmNote.count({ where: { alarmId } }),
    audits: await db.auditLog.count({ where: { targetId: alarmId } }),
    outbox: await db.liveEvent.count({ where: { payload: { contains: alarmId } } }),
  })

  it('acknowledges with a note and an audit row, and broadcasts alarm.updated once', async () => {
    const alarm = await openAlarm()
    const run = await acknowledge(alarm.id)
    expect(run.error).toBeNull()
    expect(run.item).toMatchObject({ id: alarm.id, state: 'acknowledged' })
    expect(await writtenFor(alarm.id)).toMatchObject({
      alarm: { state: 'acknowledged' },
      notes: 1,
      audits: 1,
      outbox: 1,
    })
    expect(await db.auditLog.findFirstOrThrow({ where: { targetId: alarm.id } })).toMatchObject({
      actorId: guard.userId,
      action: 'alarm.acknowledge',
      ip: '10.0.0.9',
    })
    expect(run.emitted.map((e) => [e.event, e.payload.id, e.payload.state])).toEqual([
      ['alarm.updated', alarm.id, 'acknowledged'],
    ])
  })

  it.each(['AuditLog', 'LiveEvent'])(
    'leaves the alarm open, with no note and no broadcast, when the %s write fails mid-change; a retry succeeds',
    async (table) => {
      const alarm = await openAlarm()
      const restore = await failInsertsInto(db, provider, table)
      const failed = await acknowledge(alarm.id).finally(restore)
      expect(failed.error).toBeInstanceOf(Error)
      expect(failed.emitted).toEqual([])
      expect(await writtenFor(alarm.id)).toEqual({
        alarm: { state: 'open', acknowledgedAt: null },
        notes: 0,
        audits: 0,
        outbox: 0,
      })

      const retry = await acknowledge(alarm.id)
      expect(retry.error).toBeNull()
      expect(retry.emitted).toHaveLength(1)
      expect(await writtenFor(alarm.id)).toMatchObject({ alarm: { state: 'acknowledged' }, notes: 1, audits: 1 })
    },
  )

  it('assigns to a named colleague, and says so in the history and the audit trail', async () => {
    const alarm = await openAlarm()
    const colleague = await user('Colin Colleague', 'guard')
    const run = await attempt(alarm.id, 'assign', { userId: colleague.id, note: 'you are nearest' })
    expect(run.error).toBeNull()
    expect(run.item).toMatchObject({ assignee: 'Colin Colleague' })
    expect(await db.alarm.findUniqueOrThrow({ where: { id: alarm.id } })).toMatchObject({ assigneeId: colleague.id })
    expect(await db.alarmNote.findFirstOrThrow({ where: { alarmId: alarm.id } })).toMatchObject({
      kind: 'assign',
      userId: guard.userId,
      body: 'you are nearest',
      assigneeName: 'Colin Colleague',
    })
    expect(await db.auditLog.findFirstOrThrow({ where: { targetId: alarm.id } })).toMatchObject({
      action: 'alarm.assign',
    })
  })

  it.each([
    ['a disabled guard', 'guard', true, /disabled/],
    ['a manager', 'manager', false, /manager, who cannot handle alarms/],
  ])('refuses to assign to %s with 422, changing nothing', async (label, role, disabled, message) => {
    const alarm = await openAlarm()
    const target = await user(`Not ${label}`, role, disabled)
    const run = await attempt(alarm.id, 'assign', { userId: target.id })
    expect(run.error).toMatchObject({ status: 422, code: 'invalid_assignee', message: expect.stringMatching(message) })
    expect(await writtenFor(alarm.id)).toMatchObject({ notes: 0, audits: 0, outbox: 0 })
    expect((await db.alarm.findUniqueOrThrow({ where: { id: alarm.id } })).assigneeId).toBeNull()
    expect((await attempt(alarm.id, 'assign', { userId: 'no-such-user' })).error).toMatchObject({ status: 422 })
  })

  it.each([
    ['tamper', 'critical'],
    ['loitering', 'high'],
  ])(
    'refuses to resolve a %s (%s) alarm without a note (blank counts as none), then resolves it with one',
    async (type, priority) => {
      const alarm = await openAlarm(type, priority)
      for (const input of [{}, { note: '   ' }]) {
        const refused = await attempt(alarm.id, 'resolve', input)
        expect(refused.error).toMatchObject({
          status: 422,
          code: 'note_required',
          message: expect.stringContaining(`A ${priority} alarm is resolved only with a note`),
        })
      }
      expect(await writtenFor(alarm.id)).toMatchObject({ alarm: { state: 'open' }, notes: 0, audits: 0, outbox: 0 })

      const resolved = await attempt(alarm.id, 'resolve', { note: 'Checked on camera: a delivery' })
      expect(resolved.error).toBeNull()
      expect(resolved.item).toMatchObject({ state: 'resolved' })
      expect(await db.alarmNote.findFirstOrThrow({ where: { alarmId: alarm.id } })).toMatchObject({
        kind: 'resolve',
        body: 'Checked on camera: a delivery',
      })
    },
  )

  it('resolves a medium or low alarm without a note', async () => {
    for (const [type, priority] of [
      ['device_offline', 'medium'],
      ['low_battery', 'low'],
    ]) {
      const alarm = await openAlarm(type, priority)
      expect((await attempt(alarm.id, 'resolve', {})).item).toMatchObject({ state: 'resolved' })
    }
  })
})
