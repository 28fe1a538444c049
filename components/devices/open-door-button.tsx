'use client'

// Remote unlock with an explicit confirmation; useUnlockDoor keeps one Idempotency-Key per confirmed click.
import { DoorOpen } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useUnlockDoor } from '@/components/data/device-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'

export function OpenDoorButton({
  deviceId,
  deviceName,
  callId,
}: {
  deviceId: string
  deviceName: string
  callId?: string
}) {
  const t = useTranslations('calls.openDoor')
  const errorMessage = useErrorMessage()
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const unlock = useUnlockDoor(deviceId)
  const confirm = () =>
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

  if (!confirming) {
    return (
      <span className="inline-flex items-center gap-2">
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => (setMessage(null), setConfirming(true))}
        >
          <DoorOpen size={14} aria-hidden /> {t('open')}
        </Button>
        {message && (
          <span role="status" className={`text-xs ${message.ok ? 'text-ok' : 'text-danger'}`}>
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
      <span className="text-xs">{t('question', { device: deviceName })}</span>
      <Button variant="danger" className="px-2 py-1 text-xs" onClick={confirm} disabled={unlock.isPending}>
        {unlock.isPending ? t('opening') : t('confirm')}
      </Button>
      <Button
        variant="ghost"
        className="px-2 py-1 text-xs"
        onClick={() => (unlock.forgetRequest(), setConfirming(false))}
        disabled={unlock.isPending}
      >
        {t('cancel')}
      </Button>
      {message && !message.ok && (
        <span role="alert" className="text-xs text-danger">
          {message.text}
        </span>
      )}
    </span>
  )
}
