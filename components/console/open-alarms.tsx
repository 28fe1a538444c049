'use client'

import { useQuery } from '@tanstack/react-query'
import { ShieldCheck } from 'lucide-react'
import { AlarmActions } from '@/components/alarms/alarm-actions'
import { alarmLabel, priorityTone } from '@/components/alarms/alarm-labels'
import { useAlarmSound } from '@/components/alarms/use-alarm-sound'
import { QUERY_KEYS, type ListPage } from '@/components/realtime/apply-live-event'
import { apiFetch } from '@/components/ui/api-fetch'
import { Badge } from '@/components/ui/badge'
import { formatTime } from '@/components/ui/format-time'
import type { AlarmItem } from '@/lib/alarms/schema'

export function OpenAlarms() {
  const alarms = useQuery({
    queryKey: QUERY_KEYS.openAlarms,
    queryFn: async () => {
      // Unresolved = open + acknowledged.
      const [open, acknowledged] = await Promise.all([
        apiFetch<ListPage<AlarmItem>>('/api/alarms?state=open&limit=100'),
        apiFetch<ListPage<AlarmItem>>('/api/alarms?state=acknowledged&limit=100'),
      ])
      return { items: [...open.items, ...acknowledged.items], nextCursor: null }
    },
  })
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
