'use client'

// The console's rule for opening a door, shared by the device buttons and the call dialog: "Open door" only asks,
// "Confirm" sends the unlock (useUnlockDoor keeps one Idempotency-Key per confirmed request, so a retried request
// never opens the door twice), and cancelling forgets that request. The outcome is kept as a message to show.
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useUnlockDoor } from '@/components/data/device-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'

export type DoorOpeningMessage = { ok: boolean; text: string }

export function useDoorOpening({
  deviceId,
  callId,
  setConfirming,
}: {
  deviceId: string
  /** The call the door is opened from, if any (recorded with the unlock). */
  callId?: string
  setConfirming(value: boolean): void
}) {
  const t = useTranslations('calls.openDoor')
  const errorMessage = useErrorMessage()
  const [message, setMessage] = useState<DoorOpeningMessage | null>(null)
  const unlock = useUnlockDoor(deviceId)
  return {
    message,
    pending: unlock.isPending,
    ask() {
      setMessage(null)
      setConfirming(true)
    },
    cancel() {
      unlock.forgetRequest()
      setConfirming(false)
    },
    confirm() {
      unlock.mutate(
        { callId, reason: callId ? 'Opened from a door call' : 'Opened from the console' },
        {
          onSuccess: (result) => {
            setConfirming(false)
            setMessage(result.ok ? { ok: true, text: t('opened') } : { ok: false, text: t('refused') })
          },
          onError: (error) => setMessage({ ok: false, text: errorMessage(error) }),
        },
      )
    },
  }
}
