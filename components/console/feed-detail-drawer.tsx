'use client'

// One door event in full, beside the feed: the snapshot large, the resident, method and result, the door, and
// the device's own time next to when the console received it (a device clock that drifts shows here).
import { X } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useEffect, type ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { useFormatTime } from '@/components/ui/format-time'
import type { AccessEventItem } from '@/lib/access/schema'

export function FeedDetailDrawer({ event, onClose }: { event: AccessEventItem; onClose(): void }) {
  const t = useTranslations('feedDetail')
  const methods = useTranslations('accessMethods')
  const formatTime = useFormatTime()
  const lagMs = Date.parse(event.receivedAt) - Date.parse(event.occurredAt)
  const lagSeconds = Math.abs(lagMs) / 1000
  const amount =
    lagSeconds < 60 ? t('seconds', { n: lagSeconds.toFixed(1) }) : t('minutes', { n: (lagSeconds / 60).toFixed(1) })
  const person = event.residentName ?? t('unknownPerson')
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <aside
      role="dialog"
      aria-label={t('label')}
      className="fixed inset-y-0 right-0 z-40 w-full max-w-md overflow-y-auto border-l border-border bg-panel p-4 shadow-xl"
      data-testid="feed-detail"
    >
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-sm font-semibold">{t('title')}</h2>
        <button onClick={onClose} aria-label={t('close')} className="rounded-md p-1 text-muted hover:text-text">
          <X size={18} />
        </button>
      </div>
      {event.snapshotUrl ? (
        <img
          src={event.snapshotUrl}
          alt={t('snapshotOf', { name: person })}
          className="w-full rounded-lg bg-panel-2 object-contain"
          data-testid="feed-detail-snapshot"
        />
      ) : (
        <div className="flex h-48 items-center justify-center rounded-lg bg-panel-2 text-sm text-muted">
          {t('noSnapshot')}
        </div>
      )}
      <dl className="mt-4 space-y-2 text-sm">
        <Row label={t('resident')}>{person}</Row>
        <Row label={t('result')}>
          <Badge tone={event.result === 'granted' ? 'ok' : 'danger'}>
            {event.result === 'granted' ? t('entered') : t('refused')}
          </Badge>
          {event.backfilled && (
            <span className="ml-1">
              <Badge tone="warn">{t('recovered')}</Badge>
            </span>
          )}
        </Row>
        <Row label={t('method')}>{methods(event.method)}</Row>
        <Row label={t('door')}>{event.deviceName ?? t('unknownDoor')}</Row>
        <Row label={t('deviceTime')}>{formatTime(event.occurredAt)}</Row>
        <Row label={t('received')}>
          {formatTime(event.receivedAt)}{' '}
          <span className="text-xs text-muted">
            ({lagMs >= 0 ? t('lagAfter', { amount }) : t('lagAhead', { amount })})
          </span>
        </Row>
      </dl>
    </aside>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2">
      <dt className="text-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
