'use client'

// Tells a screen reader, in the operator's language, about a new alarm or an escalation as it arrives on the live
// stream (alarm-news.ts decides which, and how urgently). Access events are never announced: at 50 a second they
// would drown everything else.
import { useTranslations } from 'next-intl'
import { useRef } from 'react'
import { alarmNews } from '@/components/alarms/alarm-news'
import { useLiveEvents } from '@/components/realtime/live-stream'
import { LiveRegion, useAnnouncements } from '@/components/ui/live-region'

export function AlarmAnnouncer() {
  const t = useTranslations('announce')
  const types = useTranslations('alarmTypes')
  const priorities = useTranslations('alarmPriorities')
  const line = useTranslations('alarmLine')
  const escalationsHeard = useRef(new Set<string>())
  const polite = useAnnouncements()
  const urgent = useAnnouncements()
  useLiveEvents((live) => {
    const news = alarmNews(live, escalationsHeard.current)
    if (!news) return
    const { alarm } = news
    const words = { type: types(alarm.type), place: alarm.deviceName ?? line('site') }
    if (news.kind === 'escalated') escalationsHeard.current.add(alarm.id)
    const text =
      news.kind === 'new'
        ? t('newAlarm', { ...words, priority: priorities(alarm.priority) })
        : t('alarmEscalated', words)
    ;(news.urgent ? urgent : polite).announce(text)
  })
  return (
    <>
      <LiveRegion messages={polite.messages} testId="alarm-announcer-polite" />
      <LiveRegion messages={urgent.messages} urgent testId="alarm-announcer-urgent" />
    </>
  )
}
