// Device groups: the list, and an admin's versioned writes. A change to a group moves its residents' doors, so
// the register's lists and records are refetched after it.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { useSinglePageList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import type { CreateDeviceGroupInput, UpdateDeviceGroupInput } from '@/lib/device-groups/schema'
import { apiPaths } from '@/lib/http/api-paths'

export function useDeviceGroups() {
  return useSinglePageList(queryKeys.deviceGroups.list(), () =>
    requestJson(apiPaths.deviceGroups(), (s) => s.deviceGroupPage),
  )
}

function useRefreshGroups() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.deviceGroups.all() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.residents.all() }),
    ])
}

export function useCreateDeviceGroup() {
  const refresh = useRefreshGroups()
  return useMutation({
    mutationFn: (input: CreateDeviceGroupInput) =>
      requestJson(apiPaths.deviceGroups(), (s) => s.deviceGroup, { method: 'POST', json: input }),
    onSuccess: () => refresh(),
  })
}

export function useUpdateDeviceGroup() {
  const refresh = useRefreshGroups()
  return useMutation({
    mutationFn: ({ groupId, change }: { groupId: string; change: UpdateDeviceGroupInput }) =>
      requestJson(apiPaths.deviceGroup(groupId), (s) => s.deviceGroup, { method: 'PATCH', json: change }),
    // A stale edit refetches too, so the editor shows the group as it is now.
    onSettled: () => refresh(),
  })
}

export function useDeleteDeviceGroup() {
  const refresh = useRefreshGroups()
  return useMutation({
    mutationFn: ({ groupId, version }: { groupId: string; version: number }) =>
      requestJson(apiPaths.deviceGroup(groupId, { version }), (s) => s.deletedDeviceGroup, { method: 'DELETE' }),
    onSettled: () => refresh(),
  })
}
