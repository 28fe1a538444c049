'use client'

import { useStreamStatus } from '@/components/realtime/live-stream'

const LABELS = { live: 'Live', connecting: 'Connecting…', offline: 'Reconnecting…' } as const

export function StreamStatus() {
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
      {LABELS[status]}
    </span>
  )
}
