// How each live event changes the cached REST lists, addressed through the key factory. Live lists (newest
// first, unfiltered: the feed, recent calls, unresolved alarms, devices) are patched in place; filtered, paged
// lists are refetched, except that an updated item is replaced where it already shows.
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query'
import { LIVE_FEED_LIMIT } from '@/components/data/access-queries'
import { RECENT_CALLS_LIMIT } from '@/components/data/call-queries'
import { queryKeys } from '@/components/data/query-keys'
import type { Page } from '@/lib/http/page'
import type { LiveEvent } from '@/lib/realtime/events'

type Item = { id: string }

function upsert<T extends Item>(items: T[], item: T, prepend: boolean, limit?: number): T[] {
  const index = items.findIndex((i) => i.id === item.id)
  if (index >= 0) return items.map((i, n) => (n === index ? item : i))
  const next = prepend ? [item, ...items] : [...items, item]
  return limit ? next.slice(0, limit) : next
}

async function patchList<T extends Item>(
  qc: QueryClient,
  key: QueryKey,
  item: T,
  options: { prepend: boolean; limit?: number; keep?: (i: T) => boolean },
) {
  const state = qc.getQueryState(key)
  // First load still in flight: its answer may predate this event, so refetch instead of patching nothing.
  if (state && state.data === undefined) return refetch(qc, key)
  qc.setQueryData<Page<T>>(key, (page) => {
    if (!page) return page
    const items = upsert(page.items, item, options.prepend, options.limit)
    return { ...page, items: options.keep ? items.filter(options.keep) : items }
  })
}

/** Replaces the item wherever it already shows in the paged lists under `key` (a snapshot arriving, say). */
function replaceInPages<T extends Item>(qc: QueryClient, key: QueryKey, item: T) {
  qc.setQueriesData<InfiniteData<Page<T>>>({ queryKey: key }, (data) =>
    data
      ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === item.id ? item : i)) })) }
      : data,
  )
}

/** A filtered or paged list: refetch. Cancel first, or an invalidation during the first fetch is dropped. */
export async function refetch(qc: QueryClient, key: QueryKey) {
  await qc.cancelQueries({ queryKey: key })
  await qc.invalidateQueries({ queryKey: key })
}

export async function applyLiveEvent(qc: QueryClient, live: LiveEvent) {
  switch (live.event) {
    case 'access.created':
      await patchList(qc, queryKeys.access.feed(), live.payload, { prepend: true, limit: LIVE_FEED_LIMIT })
      return refetch(qc, queryKeys.access.lists())
    case 'access.updated':
      await patchList(qc, queryKeys.access.feed(), live.payload, { prepend: true, limit: LIVE_FEED_LIMIT })
      return replaceInPages(qc, queryKeys.access.lists(), live.payload)
    case 'call.updated':
      return patchList(qc, queryKeys.calls.recent(), live.payload, { prepend: true, limit: RECENT_CALLS_LIMIT })
    case 'alarm.created':
    case 'alarm.updated':
      await patchList(qc, queryKeys.alarms.open(), live.payload, { prepend: true, keep: (a) => a.state !== 'resolved' })
      return refetch(qc, queryKeys.alarms.lists())
    case 'device.updated':
      return patchList(qc, queryKeys.devices.list(), live.payload, { prepend: false })
  }
}
