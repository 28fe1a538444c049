// Devices: the device list, and the remote unlock. The Idempotency-Key is made when the guard confirms and
// reused if that request is sent again, so the server never sends the unlock to the door twice; a new
// confirmation (after success or cancel) gets a new key.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { requestJson } from '@/components/data/api-client'
import { useSinglePageList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { useLiveEvents } from '@/components/realtime/live-stream'
import { apiPaths } from '@/lib/http/api-paths'
import type { LiveEvent } from '@/lib/realtime/events'

function deviceIdOf(live: LiveEvent): string | null {
  return 'deviceId' in live.payload && typeof live.payload.deviceId === 'string' ? live.payload.deviceId : null
}

/** `retry: false` where the list is optional (managers may not read devices). */
export function useDevices(options: { retry?: boolean } = {}) {
  return useSinglePageList(
    queryKeys.devices.list(),
    () => requestJson(apiPaths.devices(), (s) => s.devicePage),
    options,
  )
}

export function useUnlockDoor(deviceId: string) {
  const idempotencyKey = useRef<string | null>(null)
  const mutation = useMutation({
    mutationFn: (body: { callId?: string; reason: string }) =>
      requestJson(apiPaths.deviceUnlock(deviceId), (s) => s.unlockOutcome, {
        method: 'POST',
        headers: { 'idempotency-key': (idempotencyKey.current ??= crypto.randomUUID()) },
        json: body,
      }),
    onSuccess: () => {
      idempotencyKey.current = null
    },
  })
  /** The guard cancelled: the next confirmation is a new unlock request. */
  const forgetRequest = () => {
    idempotencyKey.current = null
  }
  return { ...mutation, forgetRequest }
}

/** A busy door reports many events a second: its page refetches at most this often. */
const DEVICE_REFRESH_MS = 2_000

/** One device's page: its state and its recent access events, calls and alarms, kept fresh by the live stream. */
export function useDeviceDetail(deviceId: string) {
  const queryClient = useQueryClient()
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current)
    },
    [],
  )
  useLiveEvents((live) => {
    const concerns = live.event === 'device.updated' ? live.payload.id === deviceId : deviceIdOf(live) === deviceId
    if (!concerns || pending.current) return
    pending.current = setTimeout(() => {
      pending.current = null
      void queryClient.invalidateQueries({ queryKey: queryKeys.devices.detail(deviceId) })
    }, DEVICE_REFRESH_MS)
  })
  return useQuery({
    queryKey: queryKeys.devices.detail(deviceId),
    queryFn: () => requestJson(apiPaths.device(deviceId), (s) => s.deviceDetail),
  })
}
