import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALARM_ESCALATION_MS } from '@/lib/alarms/alarm-policy'
import { escalateOverdueAlarms } from '@/lib/alarms/escalate-alarms'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'

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
})
