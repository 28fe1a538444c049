'use client'

// The first lines of an alarm, on the console and on the alarms page: priority, kind, how many times it came,
// whether it escalated, and its facts (where, when, who has it), all in the operator's language.
import { useTranslations } from 'next-intl'
import { priorityTone } from '@/components/alarms/alarm-labels'
import { Badge } from '@/components/ui/badge'
import { useFormatTime } from '@/components/ui/format-time'
import type { AlarmItem } from '@/lib/alarms/schema'

export function AlarmHeading({ alarm, showState = false }: { alarm: AlarmItem; showState?: boolean }) {
  const t = useTranslations('alarmLine')
  const types = useTranslations('alarmTypes')
  const priorities = useTranslations('alarmPriorities')
  const states = useTranslations('alarmStates')
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Badge tone={priorityTone(alarm.priority)}>{priorities(alarm.priority)}</Badge>
      <span className="font-medium">{types(alarm.type)}</span>
      {alarm.count > 1 && <span className="text-xs text-muted">×{alarm.count}</span>}
      {showState && <Badge>{states(alarm.state)}</Badge>}
      {alarm.escalatedAt && alarm.state === 'open' && <Badge tone="danger">{t('escalated')}</Badge>}
      {showState && alarm.backfilled && <Badge tone="warn">{t('recovered')}</Badge>}
    </div>
  )
}

/** "Lobby · since 10:02 · last 10:05 · acknowledged · assigned to Ana": the facts that apply, joined. */
export function useAlarmFacts(): (alarm: AlarmItem, facts: readonly AlarmFact[]) => string {
  const t = useTranslations('alarmLine')
  const formatTime = useFormatTime()
  return (alarm, facts) =>
    [
      alarm.deviceName ?? t('site'),
      ...facts.map((fact) => {
        switch (fact) {
          case 'since':
            return t('since', { time: formatTime(alarm.firstAt) })
          case 'first':
            return t('first', { time: formatTime(alarm.firstAt) })
          case 'last':
            return t('last', { time: formatTime(alarm.lastAt) })
          case 'lastIfRepeated':
            return alarm.count > 1 ? t('last', { time: formatTime(alarm.lastAt) }) : null
          case 'acknowledged':
            return alarm.state === 'acknowledged' ? t('acknowledged') : null
          case 'assignee':
            return alarm.assignee ? t('assignedTo', { name: alarm.assignee }) : null
          case 'resolved':
            return alarm.resolvedAt ? t('resolved', { time: formatTime(alarm.resolvedAt) }) : null
          case 'detail':
            return alarm.detail
        }
      }),
    ]
      .filter((part) => part)
      .join(' · ')
}

export type AlarmFact =
  'since' | 'first' | 'last' | 'lastIfRepeated' | 'acknowledged' | 'assignee' | 'resolved' | 'detail'
