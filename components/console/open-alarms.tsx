'use client'

// The console's alarm panel: every unresolved alarm in control-room order (most urgent, then longest waiting),
// with its actions and its history, the sound its priority calls for, and new or escalated alarms announced to
// screen readers (AlarmAnnouncer).
import { ShieldCheck } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { AlarmActions } from '@/components/alarms/alarm-actions'
import { AlarmAnnouncer } from '@/components/alarms/alarm-announcer'
import { AlarmHeading, useAlarmFacts } from '@/components/alarms/alarm-heading'
import { AlarmHistory } from '@/components/alarms/alarm-history'
import { useAlarmSound } from '@/components/alarms/use-alarm-sound'
import { useOpenAlarms } from '@/components/data/alarm-queries'

export function OpenAlarms() {
  const t = useTranslations('openAlarms')
  const facts = useAlarmFacts()
  const alarms = useOpenAlarms()
  const items = alarms.data?.items ?? []
  useAlarmSound(items)
  return (
    <section aria-label={t('title')} className="rounded-xl border border-border bg-panel">
      <h2 className="flex items-center justify-between border-b border-border px-4 py-3 text-sm font-semibold">
        {t('title')}
        <Link href="/alarms" className="text-xs font-normal text-muted hover:text-text">
          {t('all')}
        </Link>
      </h2>
      {alarms.isSuccess && items.length === 0 ? (
        <p className="flex items-center gap-2 px-4 py-6 text-sm text-muted">
          <ShieldCheck size={16} aria-hidden /> {t('allClear')}
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
              <AlarmHeading alarm={alarm} />
              <div className="mt-0.5 text-xs text-muted">
                {facts(alarm, ['since', 'lastIfRepeated', 'acknowledged', 'assignee'])}
              </div>
              <AlarmActions alarm={alarm} />
              <AlarmHistory alarmId={alarm.id} />
            </li>
          ))}
        </ul>
      )}
      <AlarmAnnouncer />
    </section>
  )
}
