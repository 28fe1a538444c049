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

  const openAlarm = () => {
    const at = new Date()
    return db.alarm.create({
      data: { type: 'tamper', priority: 'critical', firstAt: at, lastAt: at, openKey: at.toISOString() },
    })
  }

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
})
