import { describe, expect, it } from 'vitest'
import { alarmNews } from '@/components/alarms/alarm-news'
import type { AlarmItem } from '@/lib/alarms/schema'
import type { LiveEvent } from '@/lib/realtime/events'

const alarm = (over: Partial<AlarmItem> = {}): AlarmItem => ({
  id: 'a1',
  type: 'tamper',
  priority: 'critical',
  state: 'open',
  count: 1,
  deviceId: 'd1',
  deviceName: 'Gym Video Lock',
  detail: null,
  firstAt: '2025-03-01T12:00:00.000Z',
  lastAt: '2025-03-01T12:00:00.000Z',
  assignee: null,
  acknowledgedAt: null,
  resolvedAt: null,
  escalatedAt: null,
  snapshotUrl: null,
  backfilled: false,
  ...over,
})
const created = (over: Partial<AlarmItem> = {}): LiveEvent => ({ event: 'alarm.created', payload: alarm(over) })
const updated = (over: Partial<AlarmItem> = {}): LiveEvent => ({ event: 'alarm.updated', payload: alarm(over) })
const none = new Set<string>()

describe('which alarm events are announced', () => {
  it.each([
    ['critical', true],
    ['high', true],
    ['medium', false],
    ['low', false],
  ] as const)('a new %s alarm is news, urgent: %s', (priority, urgent) => {
    expect(alarmNews(created({ priority }), none)).toMatchObject({ kind: 'new', urgent })
  })

  it('an escalation is urgent news once', () => {
    const escalated = updated({ priority: 'medium', escalatedAt: '2025-03-01T12:15:00.000Z' })
    expect(alarmNews(escalated, none)).toMatchObject({ kind: 'escalated', urgent: true })
    expect(alarmNews(escalated, new Set(['a1']))).toBeNull()
  })

  it('repeats, acknowledgements, resolutions, recovered alarms and other events are not', () => {
    expect(alarmNews(updated({ count: 3 }), none)).toBeNull()
    expect(alarmNews(updated({ state: 'acknowledged', escalatedAt: '2025-03-01T12:15:00.000Z' }), none)).toBeNull()
    expect(alarmNews(updated({ state: 'resolved' }), none)).toBeNull()
    expect(alarmNews(created({ backfilled: true }), none)).toBeNull()
    const call = { event: 'call.updated', payload: {} } as unknown as LiveEvent
    expect(alarmNews(call, none)).toBeNull()
  })
})
