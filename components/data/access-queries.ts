// Access events: the console's live feed, the filtered, paged access log and one event's detail.
import { useQuery } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { useCursorList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths, type AccessEventFilters } from '@/lib/http/api-paths'

/** How many events the live feed holds; live events beyond it push the oldest out. */
export const LIVE_FEED_LIMIT = 50

/**
 * The feed's first page. `fetchesOnly`: re-render on a fetch (the first load, a refetch after a reconnect), not on
 * each live patch of the cache, for a screen that takes live events from the stream itself (the live feed).
 */
export function useLiveFeed({ fetchesOnly = false }: { fetchesOnly?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.access.feed(),
    queryFn: () => requestJson(apiPaths.accessEvents({}, { limit: LIVE_FEED_LIMIT }), (s) => s.accessEventPage),
    ...(fetchesOnly ? { notifyOnChangeProps: ['status', 'fetchStatus'] as const } : {}),
  })
}

export function useAccessEvents(filters: AccessEventFilters) {
  return useCursorList(queryKeys.access.list(filters), (page) =>
    requestJson(apiPaths.accessEvents(filters, { limit: 50, ...page }), (s) => s.accessEventPage),
  )
}

export function useAccessEventDetail(id: string) {
  return useQuery({
    queryKey: queryKeys.access.detail(id),
    queryFn: () => requestJson(apiPaths.accessEvent(id), (s) => s.accessEventDetail),
    retry: false,
  })
}

/** Residents whose name matches `q`, for the access filters' typeahead; asks nothing until there is text. */
export function useResidentMatches(q: string) {
  const filters = { q }
  return useQuery({
    queryKey: queryKeys.residents.list(filters),
    queryFn: () => requestJson(apiPaths.residents(filters, { limit: 8 }), (s) => s.residentPage),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  })
}
