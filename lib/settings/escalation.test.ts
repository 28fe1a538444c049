// Escalation times as an admin sets them (lib/settings/escalation.ts), on real databases: defaults until saved,
// validated and audited saves, the sweeper reading the saved times (through the cache a save drops), and a
// stored value gone bad falling back to the defaults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { ALARM_ESCALATION_MS } from '@/lib/alarms/alarm-policy'
import { escalateOverdueAlarms } from '@/lib/alarms/escalate-alarms'
import type { Actor } from '@/lib/auth/actor'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import {
  escalationSetting,
  getEscalationSettings,
  invalidateEscalationSettings,
  updateEscalationSettings,
} from '@/lib/settings/escalation'

const context = { ip: '10.0.0.7', userAgent: 'vitest' }
const DEFAULT_MINUTES = { critical: 1, high: 5, medium: 15, low: 1440 }

describe.each(TEST_PROVIDERS)('escalation settings on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let admin: Actor

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
    const user = await db.user.create({
      data: { email: 'ada@example.test', name: 'Ada Admin', role: 'admin', passwordHash: 'x' },
    })
    admin = { userId: user.id, email: user.email, name: user.name, role: 'admin', via: 'session' }
  })
  afterAll(async () => {
    invalidateEscalationSettings()
    await testDb?.drop()
  })

  it('answers the defaults (the policy constants, in minutes) until an admin saves times', async () => {
    expect(await getEscalationSettings(db)).toEqual(DEFAULT_MINUTES)
    expect(DEFAULT_MINUTES.high * 60_000).toBe(ALARM_ESCALATION_MS.high)
  })

  it.each([
    [{ ...DEFAULT_MINUTES, high: 0 }, /high: more than 0 minutes/],
    [{ ...DEFAULT_MINUTES, low: -5 }, /low: more than 0 minutes/],
    [{ ...DEFAULT_MINUTES, medium: 7 * 24 * 60 + 1 }, /medium: at most 10080 minutes/],
    [{ critical: 1, high: 5, medium: 15 }, /low/],
    [{ ...DEFAULT_MINUTES, critical: '1' }, /critical/],
  ])('refuses %j, saving and auditing nothing', async (input, message) => {
    const error = await updateEscalationSettings(db, admin, input, context).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ZodError)
    expect(String(error)).toMatch(message)
    expect(await db.keyValue.count({ where: { key: escalationSetting.key } })).toBe(0)
    expect(await db.auditLog.count({ where: { action: 'settings.escalation' } })).toBe(0)
  })

  it('an unacknowledged high alarm escalates under a short configured time, read by the sweeper', async () => {
    const now = new Date()
    const firstAt = new Date(now.getTime() - 40_000) // 40 s: well inside the default 5 minutes
    const alarm = await db.alarm.create({
      data: { type: 'loitering', priority: 'high', firstAt, lastAt: firstAt, openKey: 'loiter' },
    })
    // The sweeper has read (and cached) the defaults: nothing is due.
    expect(await escalateOverdueAlarms(db, now)).toBe(0)

    const saved = await updateEscalationSettings(db, admin, { ...DEFAULT_MINUTES, high: 0.5 }, context)
    expect(saved).toEqual({ ...DEFAULT_MINUTES, high: 0.5 })
    expect(await db.auditLog.findFirstOrThrow({ where: { action: 'settings.escalation' } })).toMatchObject({
      actorId: admin.userId,
      targetId: 'setting:alarms.escalation',
      ip: '10.0.0.7',
      details: JSON.stringify({ before: DEFAULT_MINUTES, after: { ...DEFAULT_MINUTES, high: 0.5 } }),
    })

    // The save dropped the cache: the very next sweep uses 30 s.
    expect(await escalateOverdueAlarms(db, now)).toBe(1)
    expect((await db.alarm.findUniqueOrThrow({ where: { id: alarm.id } })).escalatedAt).toEqual(now)
    expect(await getEscalationSettings(db)).toEqual({ ...DEFAULT_MINUTES, high: 0.5 })
  })

  it('falls back to the defaults when the stored value is not valid', async () => {
    await db.keyValue.update({ where: { key: escalationSetting.key }, data: { value: '{"high":"soon"}' } })
    invalidateEscalationSettings()
    expect(await getEscalationSettings(db)).toEqual(DEFAULT_MINUTES)
  })
})
