'use client'

import { useTranslations } from 'next-intl'
import { CallCenter } from '@/components/calls/call-center'
import { CallPanel } from '@/components/calls/call-panel'
import { MissedCalls } from '@/components/calls/missed-calls'
import { LiveFeed } from '@/components/console/live-feed'
import { OpenAlarms } from '@/components/console/open-alarms'
import { DeviceList } from '@/components/devices/device-list'

export function ConsoleView() {
  const t = useTranslations('consoleView')
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_minmax(0,1fr)]">
      <CallCenter />
      <div className="space-y-4">
        <CallPanel />
        <MissedCalls />
        <OpenAlarms />
      </div>
      <LiveFeed />
      <section aria-label={t('devices')} className="space-y-2">
        <h2 className="text-sm font-semibold">{t('devices')}</h2>
        <DeviceList compact />
      </section>
    </div>
  )
}
