// Door calls: the recent calls on the console, the missed calls nobody has seen yet, answering or declining one
// (the first answer wins; the new state reaches every console through the live stream), marking a missed call
// seen, and opening a live call's camera view (a link to our stream proxy, docs/live-view.md).
import { useMutation, useQuery } from '@tanstack/react-query'
import { requestJson } from '@/components/data/api-client'
import { queryKeys } from '@/components/data/query-keys'
import type { CallResponse } from '@/lib/calls/mutations'
import { apiPaths } from '@/lib/http/api-paths'

/** How many calls the console keeps; live updates beyond it push the oldest out. */
export const RECENT_CALLS_LIMIT = 50

export function useRecentCalls() {
  return useQuery({
    queryKey: queryKeys.calls.recent(),
    queryFn: () => requestJson(apiPaths.calls({}, { limit: 20 }), (s) => s.callPage),
  })
}

export function useMissedCalls() {
  return useQuery({
    queryKey: queryKeys.calls.missed(),
    queryFn: () => requestJson(apiPaths.calls({ state: 'missed', seen: false }, { limit: 50 }), (s) => s.callPage),
  })
}

function useCallResponse(action: CallResponse) {
  return useMutation({
    mutationFn: (callId: string) =>
      requestJson(apiPaths.callResponse(callId, action), (s) => s.call, { method: 'POST' }),
  })
}

export const useAnswerCall = () => useCallResponse('answer')
export const useDeclineCall = () => useCallResponse('decline')

export function useMarkCallSeen() {
  return useMutation({
    mutationFn: (callId: string) => requestJson(apiPaths.callSeen(callId), (s) => s.call, { method: 'POST' }),
  })
}

/** Allocates the call's live view: `{url}` on our own origin, for hls.js. */
export function openCallStream(callId: string) {
  return requestJson(apiPaths.callStream(callId), (s) => s.callStream, { method: 'POST' })
}
