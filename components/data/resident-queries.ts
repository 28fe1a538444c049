// The resident register, searched by name.
import { requestJson } from '@/components/data/api-client'
import { useCursorList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths } from '@/lib/http/api-paths'

export function useResidents(q: string) {
  const filters = { q }
  return useCursorList(queryKeys.residents.list(filters), (page) =>
    requestJson(apiPaths.residents(filters, { limit: 50, ...page }), (s) => s.residentPage),
  )
}
