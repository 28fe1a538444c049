'use client'

// The console's door activity at any volume: a windowed list (only the rows in view are drawn), fed from the
// live stream and drawn at most once per frame (use-feed-buffer.ts); Pause holds the screen still and counts
// what arrives ("37 new — resume"); filters by door, method and result; a row opens the event in full. Each row
// says how long ago it happened ("2 min ago"), kept current by one shared clock, with the absolute time (building
// time zone) as the time's tooltip and in the drawer.
import { DoorOpen, Pause, Play } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useCallback, useMemo, useState } from 'react'
import { FeedDetailDrawer } from '@/components/console/feed-detail-drawer'
import { useFeedBuffer } from '@/components/console/use-feed-buffer'
import { VirtualList } from '@/components/console/virtual-list'
import { useDevices } from '@/components/data/device-queries'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { RelativeTime } from '@/components/ui/relative-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'
import type { AccessEventItem } from '@/lib/access/schema'
import { ACCESS_METHODS, ACCESS_RESULTS } from '@/lib/domain/vocabularies'

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
  const t = useTranslations('liveFeed')
  const words = useTranslations('feedDetail')
  const methods = useTranslations('accessMethods')
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
        <SnapshotThumb
          url={event.snapshotUrl}
          alt={words('snapshotOf', { name: event.residentName ?? words('unknownPerson') })}
          size={48}
        />
        <button type="button" onClick={() => setSelected(event)} className="h-full min-w-0 flex-1 text-left">
          <span className="flex flex-wrap items-center gap-2">
            <span className="truncate font-medium" data-testid="feed-person">
              {event.residentName ?? words('unknownPerson')}
            </span>
            <Badge tone={event.result === 'granted' ? 'ok' : 'danger'}>
              {event.result === 'granted' ? words('entered') : words('refused')}
            </Badge>
            <Badge>{methods(event.method)}</Badge>
            {event.backfilled && <Badge tone="warn">{words('recovered')}</Badge>}
          </span>
          <span className="mt-0.5 block truncate text-xs text-muted">
            {event.deviceName ?? words('unknownDoor')} · <RelativeTime iso={event.occurredAt} />
          </span>
        </button>
      </div>
    ),
    [words, methods],
  )

  return (
    <section
      aria-label={t('region')}
      className="rounded-xl border border-border bg-panel"
      data-loaded={feed.loaded ? 'yes' : 'no'}
      data-paused={feed.paused ? 'yes' : 'no'}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-border px-4 py-2">
        <h2 className="mr-auto text-sm font-semibold">{t('title')}</h2>
        <select aria-label={t('byDoor')} value={filter.deviceId} onChange={set('deviceId')} className={SELECT}>
          <option value="">{t('allDoors')}</option>
          {devices.rows.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <select aria-label={t('byMethod')} value={filter.method} onChange={set('method')} className={SELECT}>
          <option value="">{t('allMethods')}</option>
          {ACCESS_METHODS.map((method) => (
            <option key={method} value={method}>
              {methods(method)}
            </option>
          ))}
        </select>
        <select aria-label={t('byResult')} value={filter.result} onChange={set('result')} className={SELECT}>
          <option value="">{t('allResults')}</option>
          {ACCESS_RESULTS.map((result) => (
            <option key={result} value={result}>
              {result === 'granted' ? words('entered') : words('refused')}
            </option>
          ))}
        </select>
        {feed.paused ? (
          <Button className="px-2 py-1 text-xs" onClick={feed.resume} data-testid="feed-resume">
            <Play size={14} aria-hidden /> {t('resume', { count: waiting })}
          </Button>
        ) : (
          <Button variant="secondary" className="px-2 py-1 text-xs" onClick={feed.pause}>
            <Pause size={14} aria-hidden /> {t('pause')}
          </Button>
        )}
      </div>
      {feed.loaded && shown.length === 0 ? (
        <div className="p-4">
          <EmptyState title={filtered ? t('noMatch') : t('waitingTitle')} icon={<DoorOpen />}>
            {t('waitingBody')}
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
          label={t('list')}
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
