'use client'

import { DoorOpen } from 'lucide-react'
import { methodLabel } from '@/components/access/access-labels'
import { useLiveFeed } from '@/components/data/access-queries'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { formatTime } from '@/components/ui/format-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'

export function LiveFeed() {
  const feed = useLiveFeed()
  const items = feed.data?.items ?? []
  return (
    <section
      aria-label="Live door activity"
      className="rounded-xl border border-border bg-panel"
      data-loaded={feed.isSuccess ? 'yes' : 'no'}
    >
      <h2 className="border-b border-border px-4 py-3 text-sm font-semibold">Door activity</h2>
      {feed.isSuccess && items.length === 0 ? (
        <div className="p-4">
          <EmptyState title="Waiting for door activity" icon={<DoorOpen />}>
            Face, card, PIN and remote unlocks appear here the moment a door reports them.
          </EmptyState>
        </div>
      ) : (
        <ul className="divide-y divide-border" data-testid="live-feed">
          {items.map((event) => (
            <li key={event.id} className="flex items-center gap-3 px-4 py-3" data-testid="feed-item">
              <SnapshotThumb url={event.snapshotUrl} alt={`Snapshot: ${event.residentName ?? 'unknown person'}`} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium" data-testid="feed-person">
                    {event.residentName ?? 'Unknown person'}
                  </span>
                  <Badge tone={event.result === 'granted' ? 'ok' : 'danger'}>
                    {event.result === 'granted' ? 'Entered' : 'Refused'}
                  </Badge>
                  <Badge>{methodLabel(event.method)}</Badge>
                  {event.backfilled && <Badge tone="warn">Recovered</Badge>}
                </div>
                <div className="mt-0.5 truncate text-xs text-muted">
                  {event.deviceName ?? 'Unknown door'} · {formatTime(event.occurredAt)}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
