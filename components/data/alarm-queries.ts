// Alarms: the console's unresolved alarms, the filtered history, and handling one (acknowledge, take, resolve;
// the updated alarm reaches every console through the live stream).
import { useMutation, useQuery } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { useCursorList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import type { AlarmAction } from '@/lib/alarms/schema'
import { apiPaths, type AlarmFilters } from '@/lib/http/api-paths'

const openAlarmsPage = (state: 'open' | 'acknowledged') =>
  requestJson(apiPaths.alarms({ state }, { limit: 100 }), (s) => s.alarmPage)

/** Unresolved alarms: open and acknowledged, one list. */
export function useOpenAlarms() {
  return useQuery({
    queryKey: queryKeys.alarms.open(),
    queryFn: async () => {
      const [open, acknowledged] = await Promise.all([openAlarmsPage('open'), openAlarmsPage('acknowledged')])
      return { items: [...open.items, ...acknowledged.items], nextCursor: null }
    },
  })
}

export function useAlarms(filters: AlarmFilters) {
  return useCursorList(queryKeys.alarms.list(filters), (page) =>
    requestJson(apiPaths.alarms(filters, { limit: 50, ...page }), (s) => s.alarmPage),
  )
}

export function useHandleAlarm(alarmId: string) {
  return useMutation({
    mutationFn: (action: AlarmAction) =>
      requestJson(apiPaths.alarmAction(alarmId, action), (s) => s.alarm, { method: 'POST', json: {} }),
  })
}
