// Which live alarm events a screen reader hears about, and how urgently: a new alarm (critical and high interrupt,
// medium and low wait their turn) and an escalation (always interrupts). Repeats, acknowledgements, comments and
// alarms recovered from the past are not news: they change the list, which the guard can read at any time.
import type { AlarmItem } from '@/lib/alarms/schema'
import type { LiveEvent } from '@/lib/realtime/events'

export type AlarmNews = { kind: 'new' | 'escalated'; alarm: AlarmItem; urgent: boolean }

const URGENT = new Set(['critical', 'high'])

/** The news in `live`, if any; `escalationsHeard` holds the alarms whose escalation was announced already. */
export function alarmNews(live: LiveEvent, escalationsHeard: ReadonlySet<string>): AlarmNews | null {
  if (live.event !== 'alarm.created' && live.event !== 'alarm.updated') return null
  const alarm = live.payload
  if (alarm.backfilled || alarm.state !== 'open') return null
  if (live.event === 'alarm.created') return { kind: 'new', alarm, urgent: URGENT.has(alarm.priority) }
  if (alarm.escalatedAt && !escalationsHeard.has(alarm.id)) return { kind: 'escalated', alarm, urgent: true }
  return null
}
