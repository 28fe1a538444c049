'use client'

// Opening the door from the call dialog, under the console's confirmation rule: "Open door" (or O) asks, and only
// "Confirm" (focused, so Enter confirms) sends the unlock. useUnlockDoor keeps one Idempotency-Key per confirmed
// request, so a retried request never opens the door twice; cancelling forgets it.
import { DoorOpen } from 'lucide-react'
import { useState } from 'react'
import { useUnlockDoor } from '@/components/data/device-queries'
import { Button } from '@/components/ui/button'
import { Kbd } from '@/components/calls/kbd'

export function CallOpenDoor({
  deviceId,
  deviceName,
  callId,
  confirming,
  setConfirming,
}: {
  deviceId: string
  deviceName: string
  callId: string
  confirming: boolean
  setConfirming(value: boolean): void
}) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const unlock = useUnlockDoor(deviceId)
  const confirm = () =>
    unlock.mutate(
      { callId, reason: 'Opened from a door call' },
      {
        onSuccess: (result) => {
          setConfirming(false)
          setMessage(
            result.ok ? { ok: true, text: 'Door opened' } : { ok: false, text: 'The door did not accept the command' },
          )
        },
        onError: (error) => setMessage({ ok: false, text: error.message }),
      },
    )
  const cancel = () => {
    unlock.forgetRequest()
    setConfirming(false)
  }

  if (!confirming) {
    return (
      <span className="inline-flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          aria-keyshortcuts="O"
          onClick={() => {
            setMessage(null)
            setConfirming(true)
          }}
        >
          <DoorOpen size={16} aria-hidden /> Open door <Kbd>O</Kbd>
        </Button>
        {message && (
          <span role="status" className={`text-sm ${message.ok ? 'text-ok' : 'text-danger'}`}>
            {message.text}
          </span>
        )}
      </span>
    )
  }
  return (
    <span
      role="group"
      aria-label={`Confirm opening ${deviceName}`}
      className="inline-flex flex-wrap items-center gap-2"
    >
      <span className="text-sm font-medium">Open {deviceName}?</span>
      <Button variant="danger" onClick={confirm} disabled={unlock.isPending} autoFocus data-autofocus>
        {unlock.isPending ? 'Opening…' : 'Confirm'} <Kbd>Enter</Kbd>
      </Button>
      <Button variant="ghost" onClick={cancel} disabled={unlock.isPending}>
        Cancel <Kbd>Esc</Kbd>
      </Button>
      {message && !message.ok && (
        <span role="alert" className="text-sm text-danger">
          {message.text}
        </span>
      )}
    </span>
  )
}
