'use client'

// Opening the door from the call dialog, under the console's confirmation rule (useDoorOpening): "Open door" (or O)
// asks, and only "Confirm" (focused, so Enter confirms) sends the unlock.
import { DoorOpen } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { Kbd, SHORTCUT } from '@/components/calls/kbd'
import { useDoorOpening } from '@/components/devices/use-door-opening'

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
  const door = useDoorOpening({ deviceId, callId, setConfirming })
  const { message } = door

  if (!confirming) {
    return (
      <span className="inline-flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          aria-keyshortcuts="O"
          // Where focus goes once Answer or Confirm has gone (Answer, earlier in the dialog, wins while ringing).
          data-autofocus
          onClick={door.ask}
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
      <Button variant="danger" onClick={door.confirm} disabled={door.pending} autoFocus data-autofocus>
        {door.pending ? t('opening') : t('confirm')} <Kbd>{SHORTCUT.confirm}</Kbd>
      </Button>
      <Button variant="ghost" onClick={door.cancel} disabled={door.pending}>
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
