'use client'

// The console's alarm panel: every unresolved alarm in control-room order (most urgent, then longest waiting),
// with its actions and its history, and the sound its priority calls for.
import { ShieldCheck } from 'lucide-react'
import Link from 'next/link'
import { AlarmActions } from '@/components/alarms/alarm-actions'
import { AlarmHistory } from '@/components/alarms/alarm-history'
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
      <h2 className="flex items-center justify-between border-b border-border px-4 py-3 text-sm font-semibold">
        Open alarms
        <Link href="/alarms" className="text-xs font-normal text-muted hover:text-text">
          All alarms
        </Link>
      </h2>
      {alarms.isSuccess && items.length === 0 ? (
        <p className="flex items-center gap-2 px-4 py-6 text-sm text-muted">
          <ShieldCheck size={16} aria-hidden /> All clear: no open alarms.
        </p>
      ) : (
        <ul className="divide-y divide-border" data-testid="open-alarms">
          {items.map((alarm) => (
            <li
              key={alarm.id}
              className="px-4 py-3"
              data-testid="alarm-item"
              data-alarm-id={alarm.id}
              data-priority={alarm.priority}
              data-state={alarm.state}
            >
              <div className="flex items-center gap-2">
                <Badge tone={priorityTone(alarm.priority)}>{alarm.priority}</Badge>
                <span className="font-medium">{alarmLabel(alarm.type)}</span>
                {alarm.count > 1 && <span className="text-xs text-muted">×{alarm.count}</span>}
                {alarm.escalatedAt && alarm.state === 'open' && <Badge tone="danger">Escalated</Badge>}
              </div>
              <div className="mt-0.5 text-xs text-muted">
                {alarm.deviceName ?? 'Site'} · since {formatTime(alarm.firstAt)}
                {alarm.count > 1 && ` · last ${formatTime(alarm.lastAt)}`}
                {alarm.state === 'acknowledged' && ' · acknowledged'}
                {alarm.assignee && ` · assigned to ${alarm.assignee}`}
              </div>
              <AlarmActions alarm={alarm} />
              <AlarmHistory alarmId={alarm.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
