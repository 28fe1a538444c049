'use client'

// Remote unlock from a device card or page, with the console's explicit confirmation (useDoorOpening).
import { DoorOpen } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useDoorOpening } from '@/components/devices/use-door-opening'
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
  const [confirming, setConfirming] = useState(false)
  const door = useDoorOpening({ deviceId, callId, setConfirming })
  const { message } = door

  if (!confirming) {
    return (
      <span className="inline-flex items-center gap-2">
        <Button variant="secondary" className="px-2 py-1 text-xs" onClick={door.ask}>
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
      <Button variant="danger" className="px-2 py-1 text-xs" onClick={door.confirm} disabled={door.pending}>
        {door.pending ? t('opening') : t('confirm')}
      </Button>
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={door.cancel} disabled={door.pending}>
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
