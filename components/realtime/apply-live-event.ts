// How each live event changes the cached REST lists. Lists are `{items, nextCursor}` pages; live lists
// (newest first, unfiltered) are patched in place, filtered lists are invalidated and refetched.
import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { LiveEventMap, LiveEventName } from '@/lib/realtime/events'

export type ListPage<T> = { items: T[]; nextCursor: string | null }

export const QUERY_KEYS = {
  feed: ['access-events', 'feed'] as const,
  accessLog: ['access-events', 'log'] as const,
  calls: ['calls', 'recent'] as const,
  openAlarms: ['alarms', 'open'] as const,
  alarms: ['alarms', 'all'] as const,
  devices: ['devices'] as const,
}

const FEED_LIMIT = 50

function upsert<T extends { id: string }>(items: T[], item: T, prepend: boolean, limit?: number): T[] {
  const index = items.findIndex((i) => i.id === item.id)
  if (index >= 0) return items.map((i, n) => (n === index ? item : i))
  const next = prepend ? [item, ...items] : [...items, item]
  return limit ? next.slice(0, limit) : next
}

function patchList<T extends { id: string }>(
  qc: QueryClient,
  key: readonly unknown[],
  item: T,
  options: { prepend: boolean; limit?: number; keep?: (i: T) => boolean },
) {
  const state = qc.getQueryState(key)
  // First load still in flight: its answer may predate this event, so refetch instead of patching nothing.
  if (state && state.data === undefined) return void refetch(qc, key)
  qc.setQueryData<ListPage<T>>(key, (page) => {
    if (!page) return page
    const items = upsert(page.items, item, options.prepend, options.limit)
    return { ...page, items: options.keep ? items.filter(options.keep) : items }
  })
}

/** A filtered or paged list: refetch. Cancel first, or an invalidation during the first fetch is dropped. */
export async function refetch(qc: QueryClient, key: readonly unknown[]) {
  await qc.cancelQueries({ queryKey: key })
  await qc.invalidateQueries({ queryKey: key })
}

export async function applyLiveEvent<K extends LiveEventName>(qc: QueryClient, event: K, payload: LiveEventMap[K]) {
  switch (event) {
    case 'access.created':
    case 'access.updated': {
      const item = payload as LiveEventMap['access.created']
      patchList(qc, QUERY_KEYS.feed, item, { prepend: true, limit: FEED_LIMIT })
      qc.setQueriesData<InfiniteData<ListPage<typeof item>>>({ queryKey: QUERY_KEYS.accessLog }, (data) =>
        data && event === 'access.updated'
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === item.id ? item : i)) })),
            }
          : data,
      )
      if (event === 'access.created') await refetch(qc, QUERY_KEYS.accessLog)
      return
    }
    case 'call.updated':
      patchList(qc, QUERY_KEYS.calls, payload as LiveEventMap['call.updated'], { prepend: true, limit: 50 })
      return
    case 'alarm.created':
    case 'alarm.updated': {
      const item = payload as LiveEventMap['alarm.created']
      patchList(qc, QUERY_KEYS.openAlarms, item, { prepend: true, keep: (a) => a.state !== 'resolved' })
      await refetch(qc, QUERY_KEYS.alarms)
      return
    }
    case 'device.updated':
      patchList(qc, QUERY_KEYS.devices, payload as LiveEventMap['device.updated'], { prepend: false })
      return
  }
}
