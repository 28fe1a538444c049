// Units: the list (with resident counts) every role reads, and an admin adding one.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { useSinglePageList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths } from '@/lib/http/api-paths'
import type { CreateUnitInput } from '@/lib/units/schema'

export function useUnits() {
  return useSinglePageList(queryKeys.units.list(), () => requestJson(apiPaths.units(), (s) => s.unitPage))
}

export function useCreateUnit() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateUnitInput) =>
      requestJson(apiPaths.units(), (s) => s.unit, { method: 'POST', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.units.all() }),
  })
}
