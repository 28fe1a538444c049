'use client'

// The door call dialog: a modal alert dialog over the console for the oldest ringing call (others wait, listed
// and switchable), with the visitor's live view or snapshot, the door's name and location, the time it has
// rung, and Answer (A), Open door (O, then confirm) and Decline (D or Esc). Focus moves into it and stays there.
// It rings until answered here or elsewhere, or muted for that call; when another guard answers it says so.
// Screen readers hear the dialog as it opens (focus moves into it), then each change of the call's state and each
// further call that starts ringing behind it.
import { BellOff, BellRing, PhoneCall, PhoneOff, X } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { CallMedia } from '@/components/calls/call-media'
import { CallOpenDoor } from '@/components/calls/call-open-door'
import { Elapsed } from '@/components/calls/elapsed'
import { Kbd, SHORTCUT } from '@/components/calls/kbd'
import type { CallQueue } from '@/components/calls/use-call-queue'
import { useFocusTrap } from '@/components/calls/use-focus-trap'
import { useAnswerCall, useDeclineCall } from '@/components/data/call-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'
import { LiveRegion, useAnnouncements } from '@/components/ui/live-region'
import type { CallItem } from '@/lib/calls/schema'

type CallText = ReturnType<typeof useTranslations<'calls.dialog'>>

function outcomeText(t: CallText, call: CallItem, handledHere: boolean): string {
  switch (call.state) {
    case 'ringing':
      return t('ringing')
    case 'answered':
      if (call.endedAt) return t('ended')
      if (handledHere) return t('youAnswered')
      return call.answeredBy ? t('answeredBy', { name: call.answeredBy }) : t('answeredAtDoor')
    case 'door_opened':
      return t('doorOpened')
    case 'missed':
      return t('missed')
    case 'declined':
      return t('declined')
    case 'cancelled':
      return t('cancelled')
  }
}

function isTyping(target: EventTarget | null) {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
}

export function CallDialog({ queue }: { queue: CallQueue }) {
  const call = queue.current
  const dialog = useRef<HTMLDivElement>(null)
  useFocusTrap(dialog, call !== null)
  if (!call) return null
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-black/60 p-4 md:items-center">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="call-dialog-title"
        aria-describedby="call-dialog-status"
        tabIndex={-1}
        data-testid="call-dialog"
        data-state={call.state}
        data-ringing={queue.ringing ? 'yes' : 'no'}
        className={`w-full max-w-3xl rounded-xl border-2 bg-panel p-4 shadow-2xl outline-none ${call.state === 'ringing' ? 'border-accent ringing-glow' : 'border-border'}`}
      >
        <CallDialogBody key={call.id} call={call} queue={queue} />
      </div>
    </div>
  )
}

function CallDialogBody({ call, queue }: { call: CallItem; queue: CallQueue }) {
  const t = useTranslations('calls.dialog')
  const tDoor = useTranslations('calls.openDoor')
  const errorMessage = useErrorMessage()
  const answer = useAnswerCall()
  const decline = useDeclineCall()
  const [error, setError] = useState<string | null>(null)
  const [askedToOpen, setConfirmingOpen] = useState(false)
  const ringing = call.state === 'ringing'
  const live = ringing || (call.state === 'answered' && call.endedAt === null)
  // Once the call is over (the door opened, the visitor left) there is nothing to confirm: the confirmation's own
  // reset may never come, as it unmounts with the call's actions, and Esc must then close the dialog at once.
  const confirmingOpen = askedToOpen && live
  const handledHere = queue.isHandledHere(call.id)
  const responding = answer.isPending || decline.isPending
  const waiting = queue.queue.filter((c) => c.id !== call.id)
  const newcomers = useNewCallsAnnounced(waiting, (c) => c.deviceName ?? t('door'))

  const doAnswer = () => {
    if (!ringing || responding) return
    queue.markHandled(call.id)
    answer.mutate(call.id, {
      onSuccess: () => setError(null),
      onError: (e) => {
        queue.unmarkHandled(call.id)
        setError(errorMessage(e))
      },
    })
  }
  const doDecline = () => {
    if (!ringing || responding) return
    decline.mutate(call.id, { onSuccess: () => setError(null), onError: (e) => setError(errorMessage(e)) })
  }
  const close = () => queue.dismiss(call.id)

  const keys = useRef({ doAnswer, doDecline, close, confirmingOpen, live, ringing })
  useEffect(() => {
    keys.current = { doAnswer, doDecline, close, confirmingOpen, live, ringing }
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTyping(event.target)) return
      const k = keys.current
      const key = event.key.toLowerCase()
      let handled = true
      if (key === 'escape') {
        if (k.confirmingOpen) setConfirmingOpen(false)
        else if (k.ringing) k.doDecline()
        else k.close()
      } else if (key === 'a' && k.ringing) k.doAnswer()
      else if (key === 'd' && k.ringing) k.doDecline()
      else if (key === 'o' && k.live && !k.confirmingOpen) setConfirmingOpen(true)
      else handled = false
      if (handled) event.preventDefault()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  return (
    <>
      <header className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="call-dialog-title" className="flex items-center gap-2 text-lg font-semibold">
            <BellRing size={18} aria-hidden /> {t('title', { device: call.deviceName ?? t('doorStation') })}
          </h2>
          {call.deviceLocation && <p className="text-sm text-muted">{call.deviceLocation}</p>}
          <p id="call-dialog-status" className="mt-1 text-sm" data-testid="call-status">
            <span className="font-medium" aria-live="polite" aria-atomic="true">
              {outcomeText(t, call, handledHere)}
            </span>
            {live && (
              <>
                {' · '}
                {ringing ? t('ringingFor') : t('sinceRing')} <Elapsed since={call.startedAt} />
              </>
            )}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {ringing && (
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => queue.mute(call.id)}
              disabled={queue.isMuted(call.id)}
            >
              <BellOff size={14} aria-hidden /> {queue.isMuted(call.id) ? t('muted') : t('mute')}
            </Button>
          )}
          {!ringing && (
            <Button variant="ghost" className="px-2 py-1 text-xs" onClick={close} aria-label={t('closeLabel')}>
              <X size={14} aria-hidden /> {t('close')}
            </Button>
          )}
        </div>
      </header>

      {waiting.length > 0 && (
        <nav aria-label={t('waitingCalls')} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium" data-testid="calls-waiting">
            {t('waiting', { count: waiting.length })}
          </span>
          {queue.queue.map((c) => (
            <Button
              key={c.id}
              variant={c.id === call.id ? 'primary' : 'secondary'}
              className="px-2 py-1 text-xs"
              aria-pressed={c.id === call.id}
              onClick={() => queue.select(c.id)}
            >
              {c.deviceName ?? t('door')} · <Elapsed since={c.startedAt} />
            </Button>
          ))}
        </nav>
      )}

      <CallMedia call={call} />

      <div className="mt-3 flex flex-wrap items-center gap-2" data-testid={ringing ? 'ringing-call' : 'call-actions'}>
        {ringing && (
          <>
            <Button onClick={doAnswer} disabled={responding} aria-keyshortcuts="A" data-autofocus>
              <PhoneCall size={16} aria-hidden /> {t('answer')} <Kbd>{SHORTCUT.answer}</Kbd>
            </Button>
            <Button variant="secondary" onClick={doDecline} disabled={responding} aria-keyshortcuts="D Escape">
              <PhoneOff size={16} aria-hidden /> {t('decline')} <Kbd>{SHORTCUT.decline}</Kbd>
            </Button>
          </>
        )}
        {live && (
          <CallOpenDoor
            deviceId={call.deviceId}
            deviceName={call.deviceName ?? tDoor('theDoor')}
            callId={call.id}
            confirming={confirmingOpen}
            setConfirming={setConfirmingOpen}
          />
        )}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      )}
      <LiveRegion messages={newcomers} testId="call-announcer" />
    </>
  )
}

/**
 * "Another door call: Gym is ringing", once per call that starts ringing while this one is shown. Said inside the
 * dialog: while a modal is open, screen readers may ignore live regions outside it.
 */
function useNewCallsAnnounced(waiting: CallItem[], door: (call: CallItem) => string) {
  const t = useTranslations('announce')
  const { messages, announce } = useAnnouncements()
  const [heard, setHeard] = useState<ReadonlySet<string>>(() => new Set(waiting.map((c) => c.id)))
  const fresh = waiting.filter((c) => c.state === 'ringing' && !heard.has(c.id))
  if (fresh.length > 0) {
    // Adjusting state while rendering (React's pattern for reacting to new props), so no extra effect pass.
    setHeard(new Set([...heard, ...fresh.map((c) => c.id)]))
    for (const c of fresh) announce(t('callWaiting', { device: door(c) }))
  }
  return messages
}
