'use client'

// When an event happened by the device's clock, and when the console received it if that reads differently
// (a device clock off, or an event recovered after downtime): both in the building's zone.
import { useTranslations } from 'next-intl'
import { useFormatTime } from '@/components/ui/format-time'

export function EventTimes({ occurredAt, receivedAt }: { occurredAt: string; receivedAt: string }) {
  const t = useTranslations('accessView')
  const format = useFormatTime()
  const device = format(occurredAt)
  const received = format(receivedAt)
  return (
    <span className="block">
      <time dateTime={occurredAt}>{device}</time>
      {received !== device && (
        <span className="block text-xs text-muted" data-testid="received-at">
          {t('received', { time: received })}
        </span>
      )}
    </span>
  )
}
