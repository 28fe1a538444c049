// Devices: the device list, and the remote unlock. The Idempotency-Key is made when the guard confirms and
// reused if that request is sent again, so the server never sends the unlock to the door twice; a new
// confirmation (after success or cancel) gets a new key.
import { useMutation } from '@tanstack/react-query'
import { useRef } from 'react'
import { requestJson } from '@/components/data/api-client'
import { useSinglePageList } from '@/components/data/list-queries'
import { queryKeys } from '@/components/data/query-keys'
import { apiPaths } from '@/lib/http/api-paths'

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
