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

/**
 * Applies `update` to the data cached under `key` now, and again to the answer of any fetch already under way:
 * that fetch may have read the list before this event was committed, and its answer would otherwise undo the
 * patch. Events arrive in seq order, so re-applying them in order after the fetch leaves the newest state.
 */
async function patchQueries<D>(qc: QueryClient, key: QueryKey, update: (data: D) => D) {
  const apply = () => qc.setQueriesData<D>({ queryKey: key }, (data) => (data === undefined ? data : update(data)))
  apply()
  const inFlight = qc
    .getQueryCache()
    .findAll({ queryKey: key })
    .flatMap((query) => (query.promise ? [query.promise] : []))
  if (inFlight.length > 0) await Promise.allSettled(inFlight).then(apply)
}

/** A live list (one page, newest first): add or replace the item, keep the list bounded and filtered. */
function patchList<T extends Item>(
  qc: QueryClient,
  key: QueryKey,
  item: T,
  options: { prepend: boolean; limit?: number; keep?: (i: T) => boolean },
) {
  return patchQueries<Page<T>>(qc, key, (page) => {
    const items = upsert(page.items, item, options.prepend, options.limit)
    return { ...page, items: options.keep ? items.filter(options.keep) : items }
  })
}

/** Replaces the item wherever it already shows in the paged lists under `key` (a snapshot arriving, say). */
function replaceInPages<T extends Item>(qc: QueryClient, key: QueryKey, item: T) {
  return patchQueries<InfiniteData<Page<T>>>(qc, key, (data) => ({
    ...data,
    pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === item.id ? item : i)) })),
  }))
}

/** A filtered or paged list: refetch. Cancel first, or an invalidation during the first fetch is dropped. */
async function refetch(qc: QueryClient, key: QueryKey) {
  await qc.cancelQueries({ queryKey: key })
  await qc.invalidateQueries({ queryKey: key })
}

export async function applyLiveEvent(qc: QueryClient, live: LiveEvent): Promise<void> {
  switch (live.event) {
    case 'access.created':
      await Promise.all([
        patchList(qc, queryKeys.access.feed(), live.payload, { prepend: true, limit: LIVE_FEED_LIMIT }),
        refetch(qc, queryKeys.access.lists()),
      ])
      return
    case 'access.updated':
      await Promise.all([
        patchList(qc, queryKeys.access.feed(), live.payload, { prepend: true, limit: LIVE_FEED_LIMIT }),
        replaceInPages(qc, queryKeys.access.lists(), live.payload),
      ])
      return
    case 'call.updated':
      await Promise.all([
        patchList(qc, queryKeys.calls.recent(), live.payload, { prepend: true, limit: RECENT_CALLS_LIMIT }),
        patchList(qc, queryKeys.calls.missed(), live.payload, {
          prepend: true,
          keep: (c) => c.state === 'missed' && c.seenAt === null,
        }),
      ])
      return
    case 'alarm.created':
    case 'alarm.updated':
      await Promise.all([
        patchList(qc, queryKeys.alarms.open(), live.payload, { prepend: true, keep: (a) => a.state !== 'resolved' }),
        refetch(qc, queryKeys.alarms.lists()),
      ])
      return
    case 'device.updated':
      return patchList(qc, queryKeys.devices.list(), live.payload, { prepend: false })
    case 'resident.updated':
      await Promise.all([
        replaceInPages(qc, queryKeys.residents.lists(), live.payload),
        refetch(qc, queryKeys.residents.detail(live.payload.id)),
        // A credential added or removed elsewhere: the resident's page shows the new list.
        refetch(qc, queryKeys.residents.credentials(live.payload.id)),
      ])
      return
    case 'sync.updated':
      return patchQueries<{ items: (typeof live.payload)[] }>(
        qc,
        queryKeys.residents.sync(live.payload.residentId),
        (data) => ({
          items: upsert(data.items, live.payload, false),
        }),
      )
  }
}
