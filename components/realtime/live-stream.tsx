'use client'

// One socket.io connection per console tab. Sockets announce, React Query owns state: each event patches the
// cached lists it belongs to (or invalidates filtered ones). On reconnect the server replays everything after
// the last seq we saw (`auth.since`), then we invalidate to be sure.
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { io, type Socket } from 'socket.io-client'
import type {
  ClientToServerEvents,
  LiveEventMap,
  LiveEventName,
  ServerToClientEvents,
  WithSeq,
} from '@/lib/realtime/events'
import { applyLiveEvent } from '@/components/realtime/apply-live-event'

export type StreamStatus = 'connecting' | 'live' | 'offline'
type Listener = <K extends LiveEventName>(event: K, payload: WithSeq<LiveEventMap[K]>) => void

const StreamContext = createContext<{ status: StreamStatus; subscribe(listener: Listener): () => void }>({
  status: 'connecting',
  subscribe: () => () => undefined,
})

export function useStreamStatus() {
  return useContext(StreamContext).status
}

/** Extra per-event reactions (e.g. ringing a call popup), beside the cache patches. */
export function useLiveEvents(listener: Listener) {
  const { subscribe } = useContext(StreamContext)
  const ref = useRef(listener)
  useEffect(() => {
    ref.current = listener
  })
  useEffect(() => subscribe((event, payload) => ref.current(event, payload)), [subscribe])
}

const EVENTS: LiveEventName[] = [
  'access.created',
  'access.updated',
  'call.updated',
  'alarm.created',
  'alarm.updated',
  'device.updated',
]

function connect(
  queryClient: QueryClient,
  lastSeq: { current: number },
  listeners: Set<Listener>,
  setStatus: (s: StreamStatus) => void,
) {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    // Evaluated on every (re)connect: catch up from the last event this tab saw.
    auth: (cb) => cb(lastSeq.current > 0 ? { since: lastSeq.current } : {}),
  })
  socket.on('connect', () => setStatus('live'))
  socket.on('disconnect', () => setStatus('offline'))
  socket.on('connect_error', () => setStatus('offline'))
  socket.on('stream.ready', ({ seq }) => {
    if (lastSeq.current === 0) lastSeq.current = seq
    // Whatever happened while we were away is now either replayed or in the server's lists.
    void queryClient.cancelQueries().then(() => queryClient.invalidateQueries())
  })
  for (const name of EVENTS) {
    socket.on(name, ((payload: WithSeq<LiveEventMap[typeof name]>) => {
      if (payload.seq > lastSeq.current) lastSeq.current = payload.seq
      void applyLiveEvent(queryClient, name, payload)
      for (const listener of listeners) listener(name, payload)
    }) as never)
  }
  return socket
}

export function LiveStreamProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<StreamStatus>('connecting')
  const lastSeq = useRef(0)
  const listeners = useRef(new Set<Listener>())
  const [value] = useState(() => ({
    subscribe(listener: Listener) {
      listeners.current.add(listener)
      return () => void listeners.current.delete(listener)
    },
  }))
  useEffect(() => {
    const socket = connect(queryClient, lastSeq, listeners.current, setStatus)
    return () => {
      socket.disconnect()
    }
  }, [queryClient])
  return <StreamContext.Provider value={{ status, subscribe: value.subscribe }}>{children}</StreamContext.Provider>
}
