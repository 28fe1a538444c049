'use client'

// One door event in full, beside the feed: the snapshot large, the resident, method and result, the door, and
// the device's own time next to when the console received it (a device clock that drifts shows here).
import { X } from 'lucide-react'
import { useEffect } from 'react'
import { methodLabel } from '@/components/access/access-labels'
import { Badge } from '@/components/ui/badge'
import { formatTime } from '@/components/ui/format-time'
import type { AccessEventItem } from '@/lib/access/schema'

function lagText(event: AccessEventItem): string {
  const ms = Date.parse(event.receivedAt) - Date.parse(event.occurredAt)
  const seconds = Math.abs(ms) / 1000
  const amount = seconds < 60 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`
  return ms >= 0 ? `received ${amount} after the device time` : `device time is ${amount} ahead of the console`
}

export function FeedDetailDrawer({ event, onClose }: { event: AccessEventItem; onClose(): void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <aside
      role="dialog"
      aria-label="Event details"
      className="fixed inset-y-0 right-0 z-40 w-full max-w-md overflow-y-auto border-l border-border bg-panel p-4 shadow-xl"
      data-testid="feed-detail"
    >
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-sm font-semibold">Door event</h2>
        <button onClick={onClose} aria-label="Close details" className="rounded-md p-1 text-muted hover:text-text">
          <X size={18} />
        </button>
      </div>
      {event.snapshotUrl ? (
        <img
          src={event.snapshotUrl}
          alt={`Snapshot: ${event.residentName ?? 'unknown person'}`}
          className="w-full rounded-lg bg-panel-2 object-contain"
          data-testid="feed-detail-snapshot"
        />
      ) : (
        <div className="flex h-48 items-center justify-center rounded-lg bg-panel-2 text-sm text-muted">
          No snapshot (yet)
        </div>
      )}
      <dl className="mt-4 space-y-2 text-sm">
        <Row label="Resident">{event.residentName ?? 'Unknown person'}</Row>
        <Row label="Result">
          <Badge tone={event.result === 'granted' ? 'ok' : 'danger'}>
            {event.result === 'granted' ? 'Entered' : 'Refused'}
          </Badge>
          {event.backfilled && (
            <span className="ml-1">
              <Badge tone="warn">Recovered</Badge>
            </span>
          )}
        </Row>
        <Row label="Method">{methodLabel(event.method)}</Row>
        <Row label="Door">{event.deviceName ?? 'Unknown door'}</Row>
        <Row label="Device time">{formatTime(event.occurredAt)}</Row>
        <Row label="Received">
          {formatTime(event.receivedAt)} <span className="text-xs text-muted">({lagText(event)})</span>
        </Row>
      </dl>
    </aside>
  )
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2">
      <dt className="text-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
