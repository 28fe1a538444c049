// The audit trail: who did what, when, from where.
import { requestJson } from '@/components/data/api-client'
import { useCursorList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths, type AuditFilters } from '@/lib/http/api-paths'

export function useAudit(filters: AuditFilters = {}) {
  return useCursorList(queryKeys.audit.list(filters), (page) =>
    requestJson(apiPaths.audit(filters, { limit: 50, ...page }), (s) => s.auditPage),
  )
}
