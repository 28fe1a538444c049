// Where each device stands with one resident (patched live by `sync.updated` through queryKeys.residents.sync),
// and the operator's retry of a failed push.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths } from '@/lib/http/api-paths'
import type { ResidentSync, RetrySyncInput } from '@/lib/sync/schema'

export function useResidentSync(residentId: string) {
  return useQuery({
    queryKey: queryKeys.residents.sync(residentId),
    queryFn: () => requestJson(apiPaths.residentSync(residentId), (s) => s.residentSync),
  })
}

/** Puts one device's row (or every row not in sync) back to pending now; the answer is the new list. */
export function useRetrySync(residentId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: RetrySyncInput) =>
      requestJson(apiPaths.residentSyncRetry(residentId), (s) => s.residentSync, { method: 'POST', json: input }),
    // The worker may finish the retried push (and its live event arrive) before this answer does: keep the newer.
    onSuccess: (answer) =>
      queryClient.setQueryData(queryKeys.residents.sync(residentId), (cached?: ResidentSync) =>
        newestOf(cached, answer),
      ),
  })
}

/** Each row as last changed, whichever of the two lists saw it later. */
export function newestOf(cached: ResidentSync | undefined, answer: ResidentSync): ResidentSync {
  const known = new Map((cached?.items ?? []).map((item) => [item.id, item]))
  return {
    items: answer.items.map((item) => {
      const other = known.get(item.id)
      return other && Date.parse(other.updatedAt) > Date.parse(item.updatedAt) ? other : item
    }),
  }
}
