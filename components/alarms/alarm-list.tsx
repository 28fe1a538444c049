'use client'

import { Bell } from 'lucide-react'
import { useState } from 'react'
import { AlarmActions } from '@/components/alarms/alarm-actions'
import { alarmLabel, priorityTone } from '@/components/alarms/alarm-labels'
import { useAlarms } from '@/components/data/alarm-queries'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { formatTime } from '@/components/ui/format-time'
import { ListPage } from '@/components/ui/list-page'
import type { AlarmState } from '@/lib/domain/enums'

const STATES: readonly (readonly [AlarmState | '', string])[] = [
  ['open', 'Open'],
  ['acknowledged', 'Acknowledged'],
  ['resolved', 'Resolved'],
  ['', 'All'],
]

export function AlarmList({ canAct }: { canAct: boolean }) {
  const [state, setState] = useState<AlarmState | ''>('open')
  const alarms = useAlarms({ state: state || undefined })
  return (
    <ListPage
      source={alarms}
      moreLabel="Load older"
      filters={
        <div role="tablist" aria-label="Alarm state" className="flex gap-1">
          {STATES.map(([value, label]) => (
            <button
              key={label}
              role="tab"
              aria-selected={state === value}
              onClick={() => setState(value)}
              className={`rounded-md px-3 py-1.5 text-sm ${state === value ? 'bg-panel-2 font-medium' : 'text-muted hover:text-text'}`}
            >
              {label}
            </button>
          ))}
        </div>
      }
      empty={
        <EmptyState title="No alarms here" icon={<Bell />}>
          Tamper, loitering, repeated failed unlocks, duress and device faults appear with their priority; repeats of
          the same alarm fold into one line with a count.
        </EmptyState>
      }
    >
      {(rows) => (
        <ul className="divide-y divide-border rounded-xl border border-border bg-panel" data-testid="alarm-list">
          {rows.map((alarm) => (
            <li key={alarm.id} className="px-4 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={priorityTone(alarm.priority)}>{alarm.priority}</Badge>
                <span className="font-medium">{alarmLabel(alarm.type)}</span>
                {alarm.count > 1 && <span className="text-xs text-muted">×{alarm.count}</span>}
                <Badge>{alarm.state}</Badge>
                {alarm.escalatedAt && alarm.state === 'open' && <Badge tone="danger">Escalated</Badge>}
              </div>
              <p className="mt-0.5 text-xs text-muted">
                {alarm.deviceName ?? 'Site'} · first {formatTime(alarm.firstAt)} · last {formatTime(alarm.lastAt)}
                {alarm.assignee && ` · assigned to ${alarm.assignee}`}
                {alarm.detail && ` · ${alarm.detail}`}
              </p>
              {canAct && <AlarmActions alarm={alarm} />}
            </li>
          ))}
        </ul>
      )}
    </ListPage>
  )
}
