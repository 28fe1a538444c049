// Alarms: the console's unresolved alarms (control-room order), the filtered history, one alarm's history,
// handling one (acknowledge, assign, comment, resolve; the updated alarm reaches every console through the live
// stream), who an alarm may be assigned to, and the escalation times an admin sets.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { useCursorList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { useLiveEvents } from '@/components/realtime/live-stream'
import { compareAlarms } from '@/lib/alarms/alarm-policy'
import type { AlarmAction, AlarmActionInput, AlarmItem, EscalationSettings } from '@/lib/alarms/schema'
import { apiPaths, type AlarmFilters } from '@/lib/http/api-paths'
import type { Page } from '@/lib/http/page'

/** Unresolved alarms (open and acknowledged), most urgent first, then longest waiting. */
export const OPEN_ALARMS_LIMIT = 200

const inControlRoomOrder = (page: Page<AlarmItem>): Page<AlarmItem> => ({
  ...page,
  items: [...page.items].sort(compareAlarms),
})

export function useOpenAlarms() {
  return useQuery({
    queryKey: queryKeys.alarms.open(),
    queryFn: () =>
      requestJson(apiPaths.alarms({ state: 'unresolved' }, { limit: OPEN_ALARMS_LIMIT }), (s) => s.alarmPage),
    // Live events prepend new alarms to the cache; the order is the control room's whatever arrived when.
    select: inControlRoomOrder,
  })
}

export function useAlarms(filters: AlarmFilters) {
  return useCursorList(queryKeys.alarms.list(filters), (page) =>
    requestJson(apiPaths.alarms(filters, { limit: 50, ...page }), (s) => s.alarmPage),
  )
}

/** One alarm and its whole history; only fetched while `enabled` (a row opened), refetched when it changes live. */
export function useAlarmDetail(alarmId: string, enabled: boolean) {
  const queryClient = useQueryClient()
  useLiveEvents((live) => {
    if (enabled && live.event === 'alarm.updated' && live.payload.id === alarmId)
      void queryClient.invalidateQueries({ queryKey: queryKeys.alarms.detail(alarmId) })
  })
  return useQuery({
    queryKey: queryKeys.alarms.detail(alarmId),
    queryFn: () => requestJson(apiPaths.alarm(alarmId), (s) => s.alarmDetail),
    enabled,
  })
}

/** Who an alarm may be assigned to. Only for roles that handle alarms (`enabled`), so no one asks in vain. */
export function useAlarmAssignees(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.alarms.assignees(),
    queryFn: () => requestJson(apiPaths.alarmAssignees(), (s) => s.alarmAssigneePage),
    enabled,
    staleTime: 60_000,
  })
}

export function useHandleAlarm(alarmId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, input = {} }: { action: AlarmAction; input?: AlarmActionInput }) =>
      requestJson(apiPaths.alarmAction(alarmId, action), (s) => s.alarm, { method: 'POST', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.alarms.detail(alarmId) }),
  })
}

export function useEscalationSettings() {
  return useQuery({
    queryKey: queryKeys.alarms.escalation(),
    queryFn: () => requestJson(apiPaths.escalationSettings(), (s) => s.escalationSettings),
  })
}

export function useSaveEscalationSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (settings: EscalationSettings) =>
      requestJson(apiPaths.escalationSettings(), (s) => s.escalationSettings, { method: 'PUT', json: settings }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.alarms.escalation(), saved),
  })
}
