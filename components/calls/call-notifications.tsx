'use client'

// Desktop notifications for door calls while the console's tab is hidden. The browser asks for permission once,
// and only from a user gesture: the "Enable notifications" button in the console header.
import { Bell, BellOff } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useSyncExternalStore } from 'react'
import { Button } from '@/components/ui/button'
import type { CallItem } from '@/lib/calls/schema'

type Permission = NotificationPermission | 'unsupported'

const listeners = new Set<() => void>()
const readPermission = (): Permission => ('Notification' in window ? Notification.permission : 'unsupported')

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function useNotificationPermission(): Permission {
  return useSyncExternalStore(subscribe, readPermission, () => 'unsupported')
}

/** Announces a new ringing call when the tab is hidden and notifications are allowed (`title` translated). */
export function notifyCall(call: CallItem, title: string) {
  if (!('Notification' in window) || Notification.permission !== 'granted') return
  if (document.visibilityState !== 'hidden') return
  const where = [call.deviceName, call.deviceLocation].filter(Boolean).join(' · ')
  const notification = new Notification(title, { body: where, tag: `call-${call.id}`, requireInteraction: true })
  notification.onclick = () => {
    window.focus()
    notification.close()
  }
}

export function EnableNotificationsButton() {
  const t = useTranslations('calls.notifications')
  const permission = useNotificationPermission()
  if (permission === 'unsupported') return null
  if (permission === 'granted') {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted" data-testid="notifications-state">
        <Bell size={14} aria-hidden /> {t('on')}
      </span>
    )
  }
  if (permission === 'denied') {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted" data-testid="notifications-state">
        <BellOff size={14} aria-hidden /> {t('blocked')}
      </span>
    )
  }
  return (
    <Button
      variant="secondary"
      className="px-3 py-1.5 text-xs"
      onClick={() =>
        void Notification.requestPermission().then(() => {
          for (const listener of listeners) listener()
        })
      }
    >
      <Bell size={14} aria-hidden /> {t('enable')}
    </Button>
  )
}
