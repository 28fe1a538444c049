// Access events: the console's live feed and the filtered, paged access log.
import { useQuery } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { useCursorList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths, type AccessEventFilters } from '@/lib/http/api-paths'

/** How many events the live feed holds; live events beyond it push the oldest out. */
export const LIVE_FEED_LIMIT = 50

export function useLiveFeed() {
  return useQuery({
    queryKey: queryKeys.access.feed(),
    queryFn: () => requestJson(apiPaths.accessEvents({}, { limit: LIVE_FEED_LIMIT }), (s) => s.accessEventPage),
  })
}

export function useAccessEvents(filters: AccessEventFilters) {
  return useCursorList(queryKeys.access.list(filters), (page) =>
    requestJson(apiPaths.accessEvents(filters, { limit: 50, ...page }), (s) => s.accessEventPage),
  )
}
