'use client'

// The console's door activity at any volume: a windowed list (only the rows in view are drawn), fed from the
// live stream and drawn at most once per frame (use-feed-buffer.ts); Pause holds the screen still and counts
// what arrives ("37 new — resume"); filters by door, method and result; a row opens the event in full.
import { DoorOpen, Pause, Play } from 'lucide-react'
import { useCallback, useMemo, useState } from 'react'
import { METHOD_LABELS, RESULT_LABELS, methodLabel } from '@/components/access/access-labels'
import { FeedDetailDrawer } from '@/components/console/feed-detail-drawer'
import { useFeedBuffer } from '@/components/console/use-feed-buffer'
import { VirtualList } from '@/components/console/virtual-list'
import { useDevices } from '@/components/data/device-queries'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { formatTime } from '@/components/ui/format-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'
import type { AccessEventItem } from '@/lib/access/schema'

const ROW_HEIGHT = 72
const VIEW_HEIGHT = 640

type FeedFilter = { deviceId: string; method: string; result: string }
const NO_FILTER: FeedFilter = { deviceId: '', method: '', result: '' }

const matches = (filter: FeedFilter) => (event: AccessEventItem) =>
  (!filter.deviceId || event.deviceId === filter.deviceId) &&
  (!filter.method || event.method === filter.method) &&
  (!filter.result || event.result === filter.result)

const itemKey = (event: AccessEventItem) => event.id

export function LiveFeed() {
  const feed = useFeedBuffer()
  const devices = useDevices()
  const [filter, setFilter] = useState<FeedFilter>(NO_FILTER)
  const [selected, setSelected] = useState<AccessEventItem | null>(null)
  const filtered = filter.deviceId || filter.method || filter.result
  const shown = useMemo(
    () => (filtered ? feed.shown.filter(matches(filter)) : feed.shown),
    [feed.shown, filter, filtered],
  )
  const waiting = useMemo(
    () => (filtered ? feed.waiting.filter(matches(filter)).length : feed.waiting.length),
    [feed.waiting, filter, filtered],
  )
  const close = useCallback(() => setSelected(null), [])
  const set = (key: keyof FeedFilter) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setFilter({ ...filter, [key]: e.target.value })

  const renderRow = useCallback(
    (event: AccessEventItem) => (
      <div className="flex h-full items-center gap-3 border-b border-border px-4" data-testid="feed-item">
        <SnapshotThumb url={event.snapshotUrl} alt={`Snapshot: ${event.residentName ?? 'unknown person'}`} size={48} />
        <button type="button" onClick={() => setSelected(event)} className="h-full min-w-0 flex-1 text-left">
          <span className="flex flex-wrap items-center gap-2">
            <span className="truncate font-medium" data-testid="feed-person">
              {event.residentName ?? 'Unknown person'}
            </span>
            <Badge tone={event.result === 'granted' ? 'ok' : 'danger'}>
              {event.result === 'granted' ? 'Entered' : 'Refused'}
            </Badge>
            <Badge>{methodLabel(event.method)}</Badge>
            {event.backfilled && <Badge tone="warn">Recovered</Badge>}
          </span>
          <span className="mt-0.5 block truncate text-xs text-muted">
            {event.deviceName ?? 'Unknown door'} · {formatTime(event.occurredAt)}
          </span>
        </button>
      </div>
    ),
    [],
  )

  return (
    <section
      aria-label="Live door activity"
      className="rounded-xl border border-border bg-panel"
      data-loaded={feed.loaded ? 'yes' : 'no'}
      data-paused={feed.paused ? 'yes' : 'no'}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-border px-4 py-2">
        <h2 className="mr-auto text-sm font-semibold">Door activity</h2>
        <select aria-label="Feed: which entrance" value={filter.deviceId} onChange={set('deviceId')} className={SELECT}>
          <option value="">All doors</option>
          {devices.rows.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <select aria-label="Feed: unlock type" value={filter.method} onChange={set('method')} className={SELECT}>
          <option value="">All methods</option>
          {Object.entries(METHOD_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <select aria-label="Feed: outcome" value={filter.result} onChange={set('result')} className={SELECT}>
          <option value="">All results</option>
          {Object.entries(RESULT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {feed.paused ? (
          <Button className="px-2 py-1 text-xs" onClick={feed.resume} data-testid="feed-resume">
            <Play size={14} aria-hidden /> {waiting} new — resume
          </Button>
        ) : (
          <Button variant="secondary" className="px-2 py-1 text-xs" onClick={feed.pause}>
            <Pause size={14} aria-hidden /> Pause
          </Button>
        )}
      </div>
      {feed.loaded && shown.length === 0 ? (
        <div className="p-4">
          <EmptyState
            title={filtered ? 'Nothing matches these filters' : 'Waiting for door activity'}
            icon={<DoorOpen />}
          >
            Face, card, PIN and remote unlocks appear here the moment a door reports them.
          </EmptyState>
        </div>
      ) : (
        <VirtualList
          items={shown}
          rowHeight={ROW_HEIGHT}
          height={VIEW_HEIGHT}
          itemKey={itemKey}
          renderRow={renderRow}
          testId="live-feed"
          label="Door events, newest first"
        />
      )}
      {selected && <FeedDetailDrawer event={latest(feed.shown, selected)} onClose={close} />}
    </section>
  )
}

const SELECT = 'rounded-md border border-border bg-panel-2 px-2 py-1 text-xs'

/** The drawer follows the event as it changes (its snapshot arriving after the first report). */
function latest(items: AccessEventItem[], selected: AccessEventItem): AccessEventItem {
  return items.find((i) => i.id === selected.id) ?? selected
}
