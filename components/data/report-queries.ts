// The access report: the series behind the reports page's charts, for the access log's filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths, type AccessEventFilters } from '@/lib/http/api-paths'

export function useAccessReport(filters: AccessEventFilters) {
  return useQuery({
    queryKey: queryKeys.reports.access(filters),
    queryFn: () => requestJson(apiPaths.accessReport(filters), (s) => s.accessReport),
    // Changing a filter keeps the last report on screen until the new one arrives.
    placeholderData: keepPreviousData,
  })
}
