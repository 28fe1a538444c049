'use client'

// Opening the door from the call dialog, under the console's confirmation rule: "Open door" (or O) asks, and only
// "Confirm" (focused, so Enter confirms) sends the unlock. useUnlockDoor keeps one Idempotency-Key per confirmed
// request, so a retried request never opens the door twice; cancelling forgets it.
import { DoorOpen } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useUnlockDoor } from '@/components/data/device-queries'
import { Button } from '@/components/ui/button'
import { Kbd, SHORTCUT } from '@/components/calls/kbd'
import { useErrorMessage } from '@/components/i18n/use-error-message'

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
  const t = useTranslations('calls.openDoor')
  const errorMessage = useErrorMessage()
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const unlock = useUnlockDoor(deviceId)
  const confirm = () =>
    unlock.mutate(
      { callId, reason: 'Opened from a door call' },
      {
        onSuccess: (result) => {
          setConfirming(false)
          setMessage(result.ok ? { ok: true, text: t('opened') } : { ok: false, text: t('refused') })
        },
        onError: (error) => setMessage({ ok: false, text: errorMessage(error) }),
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
          // Where focus goes once Answer or Confirm has gone (Answer, earlier in the dialog, wins while ringing).
          data-autofocus
          onClick={() => {
            setMessage(null)
            setConfirming(true)
          }}
        >
          <DoorOpen size={16} aria-hidden /> {t('open')} <Kbd>{SHORTCUT.openDoor}</Kbd>
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
      aria-label={t('group', { device: deviceName })}
      className="inline-flex flex-wrap items-center gap-2"
    >
      <span className="text-sm font-medium">{t('question', { device: deviceName })}</span>
      <Button variant="danger" onClick={confirm} disabled={unlock.isPending} autoFocus data-autofocus>
        {unlock.isPending ? t('opening') : t('confirm')} <Kbd>{SHORTCUT.confirm}</Kbd>
      </Button>
      <Button variant="ghost" onClick={cancel} disabled={unlock.isPending}>
        {t('cancel')} <Kbd>{SHORTCUT.cancel}</Kbd>
      </Button>
      {message && !message.ok && (
        <span role="alert" className="text-sm text-danger">
          {message.text}
        </span>
      )}
    </span>
  )
}
