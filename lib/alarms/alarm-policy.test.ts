import { describe, expect, it } from 'vitest'
import { ALARM_TYPES, type AlarmPriority, type AlarmType } from '@/lib/domain/enums'
import {
  ALARM_ESCALATION_MS,
  alarmFoldKey,
  alarmPriority,
  alarmSoundPolicy,
  canFoldInto,
  compareAlarms,
  resolveNeedsNote,
  shouldEscalate,
} from './alarm-policy'

describe('alarmPriority', () => {
  it.each<[AlarmType, AlarmPriority]>([
    ['duress', 'critical'],
    ['tamper', 'critical'],
    ['repeated_failures', 'high'],
    ['loitering', 'high'],
    ['device_offline', 'medium'],
    ['door_left_open', 'medium'],
    ['low_battery', 'low'],
    ['other', 'medium'],
  ])('%s is %s', (type, priority) => {
    expect(alarmPriority(type)).toBe(priority)
  })

  it('covers every alarm type', () => {
    for (const type of ALARM_TYPES) expect(alarmPriority(type)).toBeDefined()
  })
})

describe('alarmSoundPolicy', () => {
  it('critical: loud, repeating until acknowledged', () => {
    expect(alarmSoundPolicy('critical')).toMatchObject({ tone: 'siren', plays: 'until_acknowledged' })
  })
  it('high: repeating a few times', () => {
    const policy = alarmSoundPolicy('high')
    expect(policy.tone).toBe('alert')
    expect(policy.plays).toBeGreaterThan(1)
    expect(policy.intervalMs).toBeGreaterThan(0)
  })
  it('medium: once', () => {
    expect(alarmSoundPolicy('medium')).toMatchObject({ tone: 'chime', plays: 1 })
  })
  it('low: silent', () => {
    expect(alarmSoundPolicy('low')).toMatchObject({ tone: null, plays: 0 })
  })
})

describe('folding repeats', () => {
  it('same device and type fold; another type or device does not', () => {
    expect(alarmFoldKey('lock-1', 'tamper')).toBe(alarmFoldKey('lock-1', 'tamper'))
    expect(alarmFoldKey('lock-1', 'tamper')).not.toBe(alarmFoldKey('lock-1', 'loitering'))
    expect(alarmFoldKey('lock-1', 'tamper')).not.toBe(alarmFoldKey('lock-2', 'tamper'))
    expect(alarmFoldKey(null, 'tamper')).not.toBe(alarmFoldKey('lock-1', 'tamper'))
  })

  it('open and acknowledged alarms take repeats; resolved ones do not', () => {
    expect(canFoldInto({ state: 'open' })).toBe(true)
    expect(canFoldInto({ state: 'acknowledged' })).toBe(true)
    expect(canFoldInto({ state: 'resolved' })).toBe(false)
  })
})

describe('escalation', () => {
  const firstAt = new Date('2026-11-25T12:00:00.000Z')
  const after = (ms: number) => new Date(firstAt.getTime() + ms)

  it('more urgent alarms escalate sooner', () => {
    expect(ALARM_ESCALATION_MS.critical).toBeLessThan(ALARM_ESCALATION_MS.high)
    expect(ALARM_ESCALATION_MS.high).toBeLessThan(ALARM_ESCALATION_MS.medium)
    expect(ALARM_ESCALATION_MS.medium).toBeLessThan(ALARM_ESCALATION_MS.low)
  })

  it.each<AlarmType>(['duress', 'loitering', 'door_left_open', 'low_battery'])(
    'an open %s escalates exactly when its time is up',
    (type) => {
      const limit = ALARM_ESCALATION_MS[alarmPriority(type)]
      expect(shouldEscalate({ type, state: 'open', firstAt }, after(limit - 1))).toBe(false)
      expect(shouldEscalate({ type, state: 'open', firstAt }, after(limit))).toBe(true)
    },
  )

  it('acknowledged, resolved or already escalated alarms do not escalate', () => {
    const late = after(ALARM_ESCALATION_MS.low * 2)
    expect(shouldEscalate({ type: 'tamper', state: 'acknowledged', firstAt }, late)).toBe(false)
    expect(shouldEscalate({ type: 'tamper', state: 'resolved', firstAt }, late)).toBe(false)
    expect(shouldEscalate({ type: 'tamper', state: 'open', firstAt, escalatedAt: after(60_000) }, late)).toBe(false)
  })
})

describe('control-room order', () => {
  const alarm = (id: string, priority: AlarmPriority, firstAt: string) => ({ id, priority, firstAt })
  it('most urgent first, then the longest waiting, then by id', () => {
    const sorted = [
      alarm('a', 'low', '2026-11-25T08:00:00Z'),
      alarm('b', 'high', '2026-11-25T12:00:00Z'),
      alarm('c', 'critical', '2026-11-25T13:00:00Z'),
      alarm('d', 'high', '2026-11-25T09:00:00Z'),
      alarm('f', 'medium', '2026-11-25T10:00:00Z'),
      alarm('e', 'medium', '2026-11-25T10:00:00Z'),
    ].sort(compareAlarms)
    expect(sorted.map((a) => a.id)).toEqual(['c', 'd', 'b', 'e', 'f', 'a'])
  })
})

describe('resolving needs a note', () => {
  it.each<[AlarmPriority, boolean]>([
    ['critical', true],
    ['high', true],
    ['medium', false],
    ['low', false],
  ])('%s: %s', (priority, needed) => {
    expect(resolveNeedsNote(priority)).toBe(needed)
  })
})

describe('escalation with configured times', () => {
  it('uses the given times and the stored priority over the type default', () => {
    const firstAt = new Date('2026-11-25T12:00:00.000Z')
    const limits = { critical: 10_000, high: 30_000, medium: 60_000, low: 120_000 }
    const at = (ms: number) => new Date(firstAt.getTime() + ms)
    expect(shouldEscalate({ type: 'loitering', state: 'open', firstAt }, at(29_999), limits)).toBe(false)
    expect(shouldEscalate({ type: 'loitering', state: 'open', firstAt }, at(30_000), limits)).toBe(true)
    // An 'other' alarm stored as critical escalates on the critical time.
    expect(shouldEscalate({ type: 'other', priority: 'critical', state: 'open', firstAt }, at(10_000), limits)).toBe(
      true,
    )
  })
})
