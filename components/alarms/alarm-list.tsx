'use client'

// The alarms page: every alarm, filtered by state, priority, type, device and time; unresolved alarms in
// control-room order, the rest newest first. Each row opens its history; guards and admins act on it, managers
// read only.
import { Bell } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { AlarmActions } from '@/components/alarms/alarm-actions'
import { AlarmFilterBar, DEFAULT_ALARM_FILTERS, apiAlarmFilters } from '@/components/alarms/alarm-filters'
import { AlarmHeading, useAlarmFacts } from '@/components/alarms/alarm-heading'
import { AlarmHistory } from '@/components/alarms/alarm-history'
import { useAlarms } from '@/components/data/alarm-queries'
import { useDevices } from '@/components/data/device-queries'
import { EmptyState } from '@/components/ui/empty-state'
import { ListPage } from '@/components/ui/list-page'

export function AlarmList({ canAct }: { canAct: boolean }) {
  const t = useTranslations('alarmList')
  const facts = useAlarmFacts()
  const [form, setForm] = useState(DEFAULT_ALARM_FILTERS)
  const alarms = useAlarms(apiAlarmFilters(form))
  const devices = useDevices()
  return (
    <ListPage
      source={alarms}
      filters={<AlarmFilterBar filters={form} onChange={setForm} devices={devices.rows} />}
      empty={
        <EmptyState title={t('emptyTitle')} icon={<Bell />}>
          {t('emptyBody')}
        </EmptyState>
      }
    >
      {(rows) => (
        <ul className="divide-y divide-border rounded-xl border border-border bg-panel" data-testid="alarm-list">
          {rows.map((alarm) => (
            <li key={alarm.id} className="px-4 py-3" data-testid="alarm-row" data-state={alarm.state}>
              <AlarmHeading alarm={alarm} showState />
              <p className="mt-0.5 text-xs text-muted">
                {facts(alarm, ['first', 'last', 'assignee', 'resolved', 'detail'])}
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
