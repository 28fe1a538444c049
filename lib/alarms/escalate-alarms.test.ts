import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALARM_ESCALATION_MS } from '@/lib/alarms/alarm-policy'
import { escalateOverdueAlarms } from '@/lib/alarms/escalate-alarms'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'

describe.each(TEST_PROVIDERS)('alarm escalation on %s', (provider) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(provider)
  })
  afterAll(async () => {
    await test.drop()
  })

  const alarm = (type: string, priority: string, firstAt: Date, extra: Record<string, unknown> = {}) =>
    test.db.alarm.create({ data: { type, priority, firstAt, lastAt: firstAt, ...extra } })

  it('escalates only open alarms past their priority window, once, even with concurrent sweeps', async () => {
    const now = new Date('2026-11-25T12:00:00Z')
    const ago = (ms: number) => new Date(now.getTime() - ms)
    const overdueTamper = await alarm('tamper', 'critical', ago(ALARM_ESCALATION_MS.critical + 1_000))
    const freshTamper = await alarm('tamper', 'critical', ago(ALARM_ESCALATION_MS.critical - 1_000))
    const acknowledged = await alarm('duress', 'critical', ago(ALARM_ESCALATION_MS.critical * 10), {
      state: 'acknowledged',
    })
    const battery = await alarm('low_battery', 'low', ago(ALARM_ESCALATION_MS.high + 1_000))
    const backfilled = await alarm('tamper', 'critical', ago(ALARM_ESCALATION_MS.critical * 10), { backfilled: true })

    const counts = await Promise.all([escalateOverdueAlarms(test.db, now), escalateOverdueAlarms(test.db, now)])
    expect(counts[0] + counts[1]).toBe(1)
    expect(await escalateOverdueAlarms(test.db, now)).toBe(0)

    const byId = async (id: string) => test.db.alarm.findUniqueOrThrow({ where: { id } })
    expect((await byId(overdueTamper.id)).escalatedAt).toEqual(now)
    for (const untouched of [freshTamper, acknowledged, battery, backfilled])
      expect((await byId(untouched.id)).escalatedAt).toBeNull()
    expect(await test.db.alarmNote.count({ where: { alarmId: overdueTamper.id, kind: 'escalate' } })).toBe(1)
    const live = await test.db.liveEvent.findMany({ where: { event: 'alarm.updated' } })
    expect(live).toHaveLength(1)
    expect(JSON.parse(live[0].payload)).toMatchObject({ id: overdueTamper.id, escalatedAt: now.toISOString() })
  })

  it('leaves the alarm unescalated, with no note and no broadcast, when the outbox write fails mid-change', async () => {
    const now = new Date('2026-11-25T12:00:00Z')
    const overdue = await alarm('duress', 'critical', new Date(now.getTime() - ALARM_ESCALATION_MS.critical * 2))
    const restore = await failInsertsInto(test.db, provider, 'LiveEvent')
    const live = recordLiveEmissions()
    try {
      // (Prisma words the trigger's abort differently per provider; any error will do.)
      await expect(escalateOverdueAlarms(test.db, now)).rejects.toThrow()
    } finally {
      live.stop()
      await restore()
    }
    expect(live.emitted).toEqual([])
    expect((await test.db.alarm.findUniqueOrThrow({ where: { id: overdue.id } })).escalatedAt).toBeNull()
    expect(await test.db.alarmNote.count({ where: { alarmId: overdue.id } })).toBe(0)

    // The next sweep, with the database healthy again, escalates it once.
    const retry = recordLiveEmissions()
    try {
      expect(await escalateOverdueAlarms(test.db, now)).toBe(1)
    } finally {
      retry.stop()
    }
    expect(retry.emitted.map((e) => [e.event, e.payload.id])).toEqual([['alarm.updated', overdue.id]])
    expect((await test.db.alarm.findUniqueOrThrow({ where: { id: overdue.id } })).escalatedAt).toEqual(now)
    expect(await test.db.alarmNote.count({ where: { alarmId: overdue.id, kind: 'escalate' } })).toBe(1)
  })
})
