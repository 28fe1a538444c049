'use client'

// Calls nobody answered stay here, on every guard's console, until one of them marks the call seen.
import { Check, PhoneMissed } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useMarkCallSeen, useMissedCalls } from '@/components/data/call-queries'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { useFormatTime } from '@/components/ui/format-time'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'

export function MissedCalls() {
  const t = useTranslations('calls.missed')
  const formatTime = useFormatTime()
  const errorMessage = useErrorMessage()
  const missed = useMissedCalls()
  const markSeen = useMarkCallSeen()
  const [error, setError] = useState<string | null>(null)
  const items = missed.data?.items ?? []
  return (
    <section
      aria-label={t('title')}
      className="rounded-xl border border-border bg-panel"
      data-loaded={missed.isSuccess ? 'yes' : 'no'}
    >
      <h2 className="flex items-center gap-2 border-b border-border px-4 py-3 text-sm font-semibold">
        <PhoneMissed size={16} aria-hidden /> {t('title')}
        {items.length > 0 && (
          <span data-testid="missed-count">
            <Badge tone="warn">{items.length}</Badge>
          </span>
        )}
      </h2>
      {missed.isSuccess && items.length === 0 ? (
        <p className="px-4 py-4 text-sm text-muted">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-border">
          {items.map((call) => (
            <li key={call.id} className="flex items-center gap-3 px-4 py-2 text-sm" data-testid="missed-call">
              <SnapshotThumb url={call.snapshotUrl} alt={t('visitor')} size={40} />
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{call.deviceName ?? '—'}</p>
                <p className="truncate text-xs text-muted">
                  {t('when', { time: formatTime(call.startedAt) })}
                  {call.deviceLocation && ` · ${call.deviceLocation}`}
                </p>
              </div>
              <Button
                variant="secondary"
                className="px-2 py-1 text-xs"
                disabled={markSeen.isPending}
                onClick={() =>
                  markSeen.mutate(call.id, {
                    onSuccess: () => setError(null),
                    onError: (e) => setError(errorMessage(e)),
                  })
                }
              >
                <Check size={14} aria-hidden /> {t('markSeen')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="px-4 pb-2 text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  )
}
