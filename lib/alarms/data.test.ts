// Alarm reads (lib/alarms/data.ts) on real databases: control-room order with keyset paging across priorities,
// the history's filters, one alarm's whole history, and who an alarm may be assigned to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getAlarmDetail, listAlarmAssignees, listAlarms } from '@/lib/alarms/data'
import { handleAlarm } from '@/lib/alarms/mutations'
import { alarmQuerySchema, type AlarmItem } from '@/lib/alarms/schema'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'

const context = { ip: '10.0.0.9', userAgent: 'vitest' }
const T0 = Date.parse('2026-11-25T12:00:00Z')
const at = (minutes: number) => new Date(T0 + minutes * 60_000)

describe.each(TEST_PROVIDERS)('alarm reads on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
    const device = await db.device.create({ data: { tuyaId: 'lock-1', name: 'Gym lock', category: 'smart_lock' } })
    // name → [type, priority, first occurrence (minutes), state]
    const rows: [string, string, string, number, string][] = [
      ['lowOld', 'low_battery', 'low', 0, 'open'],
      ['highNew', 'loitering', 'high', 30, 'open'],
      ['critNew', 'tamper', 'critical', 40, 'acknowledged'],
      ['highOld', 'repeated_failures', 'high', 10, 'open'],
      ['critOld', 'duress', 'critical', 20, 'open'],
      ['medium', 'device_offline', 'medium', 5, 'open'],
      ['done', 'tamper', 'critical', 1, 'resolved'],
    ]
    for (const [name, type, priority, minutes, state] of rows) {
      const alarm = await db.alarm.create({
        data: {
          deviceId: name === 'medium' ? null : device.id,
          type,
          priority,
          state,
          firstAt: at(minutes),
          lastAt: at(minutes + 1),
          openKey: state === 'resolved' ? null : name,
        },
      })
      ids[name] = alarm.id
    }
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const query = (input: Record<string, string | number>) => listAlarms(db, alarmQuerySchema.parse(input))
  const names = (items: AlarmItem[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id))

  it('lists unresolved alarms most urgent first, then longest waiting, by default', async () => {
    const page = await query({ state: 'unresolved' })
    expect(names(page.items)).toEqual(['critOld', 'critNew', 'highOld', 'highNew', 'medium', 'lowOld'])
    expect(page.nextCursor).toBeNull()
    // open alone: the same order without the acknowledged one.
    expect(names((await query({ state: 'open' })).items)).toEqual(['critOld', 'highOld', 'highNew', 'medium', 'lowOld'])
  })

  it('pages through the priority order with its cursor, across priorities, without gaps or repeats', async () => {
    const seen: AlarmItem[] = []
    let cursor: string | null = null
    for (let n = 0; n < 10; n++) {
      const page = await query({ state: 'unresolved', limit: 2, ...(cursor ? { cursor } : {}) })
      seen.push(...page.items)
      cursor = page.nextCursor
      if (!cursor) break
    }
    expect(names(seen)).toEqual(['critOld', 'critNew', 'highOld', 'highNew', 'medium', 'lowOld'])
    await expect(query({ state: 'unresolved', cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ status: 400 })
  })

  it('the history is newest first and filters by state, priority, type, device and time', async () => {
    expect(names((await query({})).items)).toEqual([
      'critNew',
      'highNew',
      'critOld',
      'highOld',
      'medium',
      'done',
      'lowOld',
    ])
    expect(names((await query({ state: 'resolved' })).items)).toEqual(['done'])
    expect(names((await query({ priority: 'critical', sort: 'recent' })).items)).toEqual(['critNew', 'critOld', 'done'])
    expect(names((await query({ type: 'loitering' })).items)).toEqual(['highNew'])
    const deviceId = (await db.device.findUniqueOrThrow({ where: { tuyaId: 'lock-1' } })).id
    expect(names((await query({ deviceId })).items)).not.toContain('medium')
    expect(names((await query({ from: at(11).toISOString(), to: at(31).toISOString() })).items).sort()).toEqual(
      ['critOld', 'highOld'].sort(),
    )
    expect(() => alarmQuerySchema.parse({ from: 'yesterday' })).toThrow(/from: an ISO-8601 time/)
  })

  it("shows an alarm's whole history in order, with who did what", async () => {
    const guard = await db.user.create({
      data: { email: 'g@example.test', name: 'Gina Guard', role: 'guard', passwordHash: 'x' },
    })
    const other = await db.user.create({
      data: { email: 'o@example.test', name: 'Otto Other', role: 'guard', passwordHash: 'x' },
    })
    const actor = {
      userId: guard.id,
      email: guard.email,
      name: guard.name,
      role: 'guard' as const,
      via: 'session' as const,
    }
    const id = ids.highNew
    await handleAlarm(db, actor, id, 'acknowledge', {}, context)
    await handleAlarm(db, actor, id, 'assign', { userId: other.id }, context)
    await handleAlarm(db, actor, id, 'comment', { note: 'CCTV shows two people' }, context)
    await db.alarmNote.create({ data: { alarmId: id, kind: 'escalate' } })
    await handleAlarm(db, actor, id, 'resolve', { note: 'Residents waiting for a taxi' }, context)

    const detail = await getAlarmDetail(db, id)
    expect(detail.alarm).toMatchObject({ id, state: 'resolved', assignee: 'Otto Other' })
    // The server writes no sentences of its own: the kind (and, for an assignment, who) is worded by the console.
    expect(detail.notes.map((n) => [n.kind, n.by, n.to, n.body])).toEqual([
      ['acknowledge', 'Gina Guard', null, null],
      ['assign', 'Gina Guard', 'Otto Other', null],
      ['comment', 'Gina Guard', null, 'CCTV shows two people'],
      ['escalate', null, null, null],
      ['resolve', 'Gina Guard', null, 'Residents waiting for a taxi'],
    ])
    await expect(getAlarmDetail(db, 'no-such-alarm')).rejects.toMatchObject({ status: 404 })
  })

  it('offers only active guards and admins as assignees', async () => {
    await db.user.createMany({
      data: [
        { email: 'a@example.test', name: 'Ada Admin', role: 'admin', passwordHash: 'x' },
        { email: 'm@example.test', name: 'Max Manager', role: 'manager', passwordHash: 'x' },
        { email: 'd@example.test', name: 'Dan Disabled', role: 'guard', passwordHash: 'x', disabledAt: new Date() },
      ],
    })
    const { items } = await listAlarmAssignees(db)
    expect(items.map((u) => [u.name, u.role])).toEqual([
      ['Ada Admin', 'admin'],
      ['Gina Guard', 'guard'],
      ['Otto Other', 'guard'],
    ])
  })
})
