'use client'

import { ShieldCheck } from 'lucide-react'
import { AlarmActions } from '@/components/alarms/alarm-actions'
import { alarmLabel, priorityTone } from '@/components/alarms/alarm-labels'
import { useAlarmSound } from '@/components/alarms/use-alarm-sound'
import { useOpenAlarms } from '@/components/data/alarm-queries'
import { Badge } from '@/components/ui/badge'
import { formatTime } from '@/components/ui/format-time'

export function OpenAlarms() {
  const alarms = useOpenAlarms()
  const items = alarms.data?.items ?? []
  useAlarmSound(items)
  return (
    <section aria-label="Open alarms" className="rounded-xl border border-border bg-panel">
      <h2 className="border-b border-border px-4 py-3 text-sm font-semibold">Open alarms</h2>
      {alarms.isSuccess && items.length === 0 ? (
        <p className="flex items-center gap-2 px-4 py-6 text-sm text-muted">
          <ShieldCheck size={16} aria-hidden /> All clear: no open alarms.
        </p>
      ) : (
        <ul className="divide-y divide-border" data-testid="open-alarms">
          {items.map((alarm) => (
            <li key={alarm.id} className="px-4 py-3" data-testid="alarm-item">
              <div className="flex items-center gap-2">
                <Badge tone={priorityTone(alarm.priority)}>{alarm.priority}</Badge>
                <span className="font-medium">{alarmLabel(alarm.type)}</span>
                {alarm.count > 1 && <span className="text-xs text-muted">×{alarm.count}</span>}
                {alarm.escalatedAt && alarm.state === 'open' && <Badge tone="danger">Escalated</Badge>}
              </div>
              <div className="mt-0.5 text-xs text-muted">
                {alarm.deviceName ?? 'Site'} · last {formatTime(alarm.lastAt)}
                {alarm.state === 'acknowledged' && ' · acknowledged'}
                {alarm.assignee && ` · ${alarm.assignee}`}
              </div>
              <AlarmActions alarm={alarm} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
