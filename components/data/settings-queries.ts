// The building's settings (time zone) and the retention windows: read by managers and admins, changed by admins.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths } from '@/lib/http/api-paths'
import type { BuildingSettingsInput } from '@/lib/settings/building-schema'
import type { RetentionInput } from '@/lib/settings/retention-schema'

export function useBuildingSettings() {
  return useQuery({
    queryKey: queryKeys.settings.building(),
    queryFn: () => requestJson(apiPaths.buildingSettings(), (s) => s.buildingSettings),
  })
}

export function useUpdateBuildingSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: BuildingSettingsInput) =>
      requestJson(apiPaths.buildingSettings(), (s) => s.buildingSettings, { method: 'PUT', json: input }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.settings.building(), saved),
  })
}

export function useRetentionSettings() {
  return useQuery({
    queryKey: queryKeys.settings.retention(),
    queryFn: () => requestJson(apiPaths.retentionSettings(), (s) => s.retentionSettings),
  })
}

export function useUpdateRetentionSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: RetentionInput) =>
      requestJson(apiPaths.retentionSettings(), (s) => s.retentionSettings, { method: 'PUT', json: input }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.settings.retention(), saved),
  })
}
