'use client'

import { useTranslations } from 'next-intl'
import { useStreamStatus } from '@/components/realtime/live-stream'

export function StreamStatus() {
  const t = useTranslations('stream')
  const status = useStreamStatus()
  const colour = status === 'live' ? 'bg-ok' : status === 'connecting' ? 'bg-warn' : 'bg-danger'
  return (
    <span
      className="flex items-center gap-2 text-xs text-muted"
      data-testid="stream-status"
      data-status={status}
      aria-live="polite"
    >
      <span className={`h-2 w-2 rounded-full ${colour}`} aria-hidden />
      {t(status)}
    </span>
  )
}
