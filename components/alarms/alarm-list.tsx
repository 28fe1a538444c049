'use client'

// The alarms page: every alarm, filtered by state, priority, type, device and time; unresolved alarms in
// control-room order, the rest newest first. Each row opens its history; guards and admins act on it, managers
// read only.
import { Bell } from 'lucide-react'
import { useState } from 'react'
import { AlarmActions } from '@/components/alarms/alarm-actions'
import { AlarmFilterBar, DEFAULT_ALARM_FILTERS, apiAlarmFilters } from '@/components/alarms/alarm-filters'
import { AlarmHistory } from '@/components/alarms/alarm-history'
import { alarmLabel, priorityTone } from '@/components/alarms/alarm-labels'
import { useAlarms } from '@/components/data/alarm-queries'
import { useDevices } from '@/components/data/device-queries'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { formatTime } from '@/components/ui/format-time'
import { ListPage } from '@/components/ui/list-page'

export function AlarmList({ canAct }: { canAct: boolean }) {
  const [form, setForm] = useState(DEFAULT_ALARM_FILTERS)
  const alarms = useAlarms(apiAlarmFilters(form))
  const devices = useDevices()
  return (
    <ListPage
      source={alarms}
      moreLabel="Load more"
      filters={<AlarmFilterBar filters={form} onChange={setForm} devices={devices.rows} />}
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
            <li key={alarm.id} className="px-4 py-3" data-testid="alarm-row" data-state={alarm.state}>
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={priorityTone(alarm.priority)}>{alarm.priority}</Badge>
                <span className="font-medium">{alarmLabel(alarm.type)}</span>
                {alarm.count > 1 && <span className="text-xs text-muted">×{alarm.count}</span>}
                <Badge>{alarm.state}</Badge>
                {alarm.escalatedAt && alarm.state === 'open' && <Badge tone="danger">Escalated</Badge>}
                {alarm.backfilled && <Badge tone="warn">Recovered</Badge>}
              </div>
              <p className="mt-0.5 text-xs text-muted">
                {alarm.deviceName ?? 'Site'} · first {formatTime(alarm.firstAt)} · last {formatTime(alarm.lastAt)}
                {alarm.assignee && ` · assigned to ${alarm.assignee}`}
                {alarm.resolvedAt && ` · resolved ${formatTime(alarm.resolvedAt)}`}
                {alarm.detail && ` · ${alarm.detail}`}
              </p>
              {canAct && <AlarmActions alarm={alarm} />}
              <AlarmHistory alarmId={alarm.id} />
            </li>
          ))}
        </ul>
      )}
    </ListPage>
  )
}
