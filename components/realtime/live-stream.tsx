'use client'

// One socket.io connection per console tab. Sockets announce, React Query owns state: each event is checked
// against its schema (`parseLiveEvent`), then patches the cached lists it belongs to (or refetches filtered
// ones). On reconnect the server replays everything after the last seq we saw (`auth.since`), then we
// invalidate to be sure. The event schemas (and zod with them) load while the socket connects, not in the
// first-load bundle.
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, SequencedLiveEvent, ServerToClientEvents } from '@/lib/realtime/events'
import { applyLiveEvent } from '@/components/realtime/apply-live-event'

export type StreamStatus = 'connecting' | 'live' | 'offline'
/** Called with every live event once it has been checked and applied to the cache. */
export type LiveListener = (live: SequencedLiveEvent) => void

const StreamContext = createContext<{ status: StreamStatus; subscribe(listener: LiveListener): () => void }>({
  status: 'connecting',
  subscribe: () => () => undefined,
})

export function useStreamStatus() {
  return useContext(StreamContext).status
}

/** Extra per-event reactions (e.g. ringing a call popup), beside the cache patches. */
export function useLiveEvents(listener: LiveListener) {
  const { subscribe } = useContext(StreamContext)
  const ref = useRef(listener)
  useEffect(() => {
    ref.current = listener
  })
  useEffect(() => subscribe((live) => ref.current(live)), [subscribe])
}

type EventsModule = typeof import('@/lib/realtime/events')
type Handlers = {
  queryClient: QueryClient
  lastSeq: { current: number }
  listeners: Set<LiveListener>
}

function receive(events: EventsModule, { queryClient, lastSeq, listeners }: Handlers, name: string, raw: unknown) {
  if (name === 'stream.ready') {
    const ready = events.streamReadySchema.safeParse(raw)
    if (ready.success && lastSeq.current === 0) lastSeq.current = ready.data.seq
    // Whatever happened while we were away is now either replayed or in the server's lists.
    void queryClient.cancelQueries().then(() => queryClient.invalidateQueries())
    return
  }
  const live = events.parseLiveEvent(name, raw)
  if (!live) {
    if (name in events.LIVE_EVENT_SCHEMAS) console.warn(`[live] dropped a malformed ${name} event`)
    return
  }
  if (live.seq > lastSeq.current) lastSeq.current = live.seq
  void applyLiveEvent(queryClient, live)
  for (const listener of listeners) listener(live)
}

function connect(handlers: Handlers, setStatus: (s: StreamStatus) => void) {
  // The schemas load while the socket connects; events wait for them in arrival order.
  const events = import('@/components/data/zod-without-eval').then(() => import('@/lib/realtime/events'))
  let received: Promise<void> = Promise.resolve()
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    // Evaluated on every (re)connect: catch up from the last event this tab saw.
    auth: (cb) => cb(handlers.lastSeq.current > 0 ? { since: handlers.lastSeq.current } : {}),
  })
  socket.on('connect', () => setStatus('live'))
  socket.on('disconnect', () => setStatus('offline'))
  socket.on('connect_error', () => setStatus('offline'))
  socket.onAny((name: string, raw: unknown) => {
    received = received
      .then(() => events)
      .then(
        (module) => receive(module, handlers, name, raw),
        (error: unknown) => console.error('[live] could not load the event schemas', error),
      )
  })
  return socket
}

export function LiveStreamProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<StreamStatus>('connecting')
  const lastSeq = useRef(0)
  const listeners = useRef(new Set<LiveListener>())
  const [value] = useState(() => ({
    subscribe(listener: LiveListener) {
      listeners.current.add(listener)
      return () => void listeners.current.delete(listener)
    },
  }))
  useEffect(() => {
    const socket = connect({ queryClient, lastSeq, listeners: listeners.current }, setStatus)
    return () => {
      socket.disconnect()
    }
  }, [queryClient])
  return <StreamContext.Provider value={{ status, subscribe: value.subscribe }}>{children}</StreamContext.Provider>
}
