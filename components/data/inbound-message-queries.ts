// Messages kept raw because the console did not (fully) understand them (admin diagnostics).
import { requestJson } from '@/components/data/api-client'
import { useCursorList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths, type InboundMessageFilters } from '@/lib/http/api-paths'

export function useInboundMessages(filters: InboundMessageFilters) {
  return useCursorList(queryKeys.inboundMessages.list(filters), (page) =>
    requestJson(apiPaths.inboundMessages(filters, { limit: 20, ...page }), (s) => s.inboundMessagePage),
  )
}
