'use client'

// The console's recent door calls: what became of each, who answered, and the door button while a call is live.
// Ringing calls pop up in the call dialog (components/calls/call-dialog.tsx); backfilled ones never ring.
import { useTranslations } from 'next-intl'
import { useRecentCalls } from '@/components/data/call-queries'
import { OpenDoorButton } from '@/components/devices/open-door-button'
import { Badge } from '@/components/ui/badge'
import { useFormatTime } from '@/components/ui/format-time'
import type { CallState } from '@/lib/domain/enums'

function tone(state: CallState) {
  if (state === 'missed' || state === 'ringing') return 'warn'
  return state === 'answered' || state === 'door_opened' ? 'ok' : 'neutral'
}

export function CallPanel() {
  const t = useTranslations('calls.panel')
  const tDoor = useTranslations('calls.openDoor')
  const formatTime = useFormatTime()
  const calls = useRecentCalls()
  const items = calls.data?.items ?? []
  return (
    <section aria-label={t('title')} className="rounded-xl border border-border bg-panel">
      <h2 className="border-b border-border px-4 py-3 text-sm font-semibold">{t('title')}</h2>
      <ul className="divide-y divide-border">
        {items.slice(0, 8).map((call) => (
          <li
            key={call.id}
            className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 px-4 py-2 text-sm"
            data-testid="call-item"
          >
            <span className="min-w-0 truncate">{call.deviceName ?? '—'}</span>
            <span className="flex min-w-0 flex-wrap items-center gap-2 text-xs text-muted">
              <Badge tone={tone(call.state)}>{t(`state.${call.state}`)}</Badge>
              {call.answeredBy && <span className="break-all">{call.answeredBy}</span>}
              {formatTime(call.startedAt)}
              {call.state === 'answered' && !call.endedAt && (
                <OpenDoorButton
                  deviceId={call.deviceId}
                  deviceName={call.deviceName ?? tDoor('theDoor')}
                  callId={call.id}
                />
              )}
            </span>
          </li>
        ))}
      </ul>
      {calls.isSuccess && items.length === 0 && <p className="px-4 py-6 text-sm text-muted">{t('empty')}</p>}
    </section>
  )
}
