'use client'

// Which calls the console's call dialog shows, oldest first: every ringing call (not backfilled ones: they rang
// long ago), the calls answered from this console while they last, and, for a few seconds, what became of a call
// this console was showing ("Answered by Ana", "Missed", "Door opened"). The guard may switch between them; the
// choice sticks until that call leaves. Also: which calls are muted here (for that call only), and a desktop
// notification for each new ringing call while the tab is hidden.
import { useTranslations } from 'next-intl'
import { useEffect, useMemo, useState } from 'react'
import { notifyCall } from '@/components/calls/call-notifications'
import { useLiveEvents } from '@/components/realtime/live-stream'
import type { CallItem } from '@/lib/calls/schema'

/** How long the outcome of a call stays on screen. */
export const NOTICE_MS = 12_000

const withId = (set: ReadonlySet<string>, id: string) => new Set(set).add(id)

export function useCallQueue(calls: readonly CallItem[]) {
  const t = useTranslations('calls.notifications')
  const [handled, setHandled] = useState<ReadonlySet<string>>(new Set())
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  const [muted, setMuted] = useState<ReadonlySet<string>>(new Set())
  const [notices, setNotices] = useState<ReadonlyMap<string, number>>(new Map())
  const [selectedId, setSelectedId] = useState<string | null>(null)

  const queue = useMemo(
    () =>
      calls
        .filter(
          (c) =>
            !dismissed.has(c.id) &&
            ((c.state === 'ringing' && !c.backfilled) ||
              (handled.has(c.id) && c.state === 'answered' && c.endedAt === null) ||
              notices.has(c.id)),
        )
        .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)),
    [calls, dismissed, handled, notices],
  )
  const ids = new Set(queue.map((c) => c.id))

  useLiveEvents((live) => {
    if (live.event !== 'call.updated') return
    const call = live.payload
    if (call.backfilled) return
    if (call.state === 'ringing') {
      if (!ids.has(call.id)) notifyCall(call, t('title'))
      return
    }
    // A call on screen here changed: keep it a moment with its outcome, unless this console is handling it.
    const stillHandled = handled.has(call.id) && call.state === 'answered' && call.endedAt === null
    if (ids.has(call.id) && !stillHandled) setNotices((n) => new Map(n).set(call.id, Date.now() + NOTICE_MS))
  })

  useEffect(() => {
    if (notices.size === 0) return
    const next = Math.min(...notices.values())
    const timer = setTimeout(
      () => setNotices((n) => new Map([...n].filter(([, until]) => until > Date.now()))),
      Math.max(0, next - Date.now()) + 50,
    )
    return () => clearTimeout(timer)
  }, [notices])

  const oldestRinging = queue.find((c) => c.state === 'ringing')
  const current = queue.find((c) => c.id === selectedId) ?? oldestRinging ?? queue[0] ?? null
  const ringing = queue.some((c) => c.state === 'ringing' && !muted.has(c.id))

  return {
    queue,
    current,
    /** Whether the ring should sound: a ringing call not muted here. */
    ringing,
    isMuted: (id: string) => muted.has(id),
    isHandledHere: (id: string) => handled.has(id),
    select: setSelectedId,
    mute: (id: string) => setMuted((m) => withId(m, id)),
    /** This console answers it (set before the request, so the broadcast finds it): it stays while it lasts. */
    markHandled: (id: string) => {
      setHandled((h) => withId(h, id))
      setSelectedId(id)
    },
    /** The answer was refused (another guard was first). */
    unmarkHandled: (id: string) => setHandled((h) => new Set([...h].filter((key) => key !== id))),
    dismiss: (id: string) => {
      setDismissed((d) => withId(d, id))
      setNotices((n) => new Map([...n].filter(([key]) => key !== id)))
    },
  }
}

export type CallQueue = ReturnType<typeof useCallQueue>
