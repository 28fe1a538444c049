'use client'

// The live feed's own buffer of door events, fed by every access event on the live stream as it arrives (socket
// messages are not throttled in a background tab, unlike timers), seeded and re-synced from the feed query. The
// screen takes a copy at most once per animation frame, so 50 events/s cost a few renders a second, not 50.
// Pause freezes what is shown: events keep arriving into the buffer and are counted ("37 new — resume"); none is
// dropped while paused (up to PAUSED_LIMIT; beyond that the oldest held are still in the access log).
import { useCallback, useEffect, useRef, useState } from 'react'
import { useLiveFeed } from '@/components/data/access-queries'
import { useLiveEvents } from '@/components/realtime/live-stream'
import type { AccessEventItem } from '@/lib/access/schema'

/** Events kept while live (100 s at 50 events/s). */
export const FEED_BUFFER_LIMIT = 5_000
/** Events kept while paused (about 16 minutes at 50 events/s). */
export const PAUSED_LIMIT = 50_000

type Store = { items: AccessEventItem[]; ids: Set<string>; arrivedWhilePaused: Set<string>; paused: boolean }

const byOccurredDesc = (a: AccessEventItem, b: AccessEventItem) =>
  a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : a.id < b.id ? 1 : -1

function trim(store: Store) {
  const limit = store.paused ? PAUSED_LIMIT : FEED_BUFFER_LIMIT
  while (store.items.length > limit) {
    const dropped = store.items.pop()
    if (dropped) {
      store.ids.delete(dropped.id)
      store.arrivedWhilePaused.delete(dropped.id)
    }
  }
}

export type FeedBuffer = {
  /** What is on screen: everything while live; while paused, what was there when paused (kept up to date). */
  shown: AccessEventItem[]
  /** Arrived while paused, newest first. */
  waiting: AccessEventItem[]
  paused: boolean
  loaded: boolean
  pause(): void
  resume(): void
}

export function useFeedBuffer(): FeedBuffer {
  const feed = useLiveFeed({ fetchesOnly: true })
  const store = useRef<Store>({ items: [], ids: new Set(), arrivedWhilePaused: new Set(), paused: false })
  const [snapshot, setSnapshot] = useState<{ items: AccessEventItem[]; waiting: Set<string> }>({
    items: [],
    waiting: new Set(),
  })
  const [paused, setPaused] = useState(false)
  const frame = useRef<number | null>(null)

  const publish = useCallback(() => {
    setSnapshot({ items: store.current.items.slice(), waiting: new Set(store.current.arrivedWhilePaused) })
  }, [])
  const schedule = useCallback(() => {
    if (frame.current !== null) return
    frame.current = requestAnimationFrame(() => {
      frame.current = null
      publish()
    })
  }, [publish])
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current)
    },
    [],
  )

  // Seed, and after a reconnect add whatever the server has that the stream did not bring.
  useEffect(() => {
    const items = feed.data?.items
    if (!items) return
    const s = store.current
    const missing = items.filter((item) => !s.ids.has(item.id))
    if (missing.length === 0) return
    for (const item of missing) s.ids.add(item.id)
    s.items = [...missing, ...s.items].sort(byOccurredDesc)
    trim(s)
    schedule()
  }, [feed.data, schedule])

  useLiveEvents((live) => {
    if (live.event !== 'access.created' && live.event !== 'access.updated') return
    const s = store.current
    const item = live.payload
    if (s.ids.has(item.id)) {
      const index = s.items.findIndex((i) => i.id === item.id)
      if (index >= 0) s.items[index] = item
    } else if (live.event === 'access.created') {
      s.items.unshift(item)
      s.ids.add(item.id)
      if (s.paused) s.arrivedWhilePaused.add(item.id)
      trim(s)
    } else {
      return // an update of an event this screen never held
    }
    schedule()
  })

  const pause = useCallback(() => {
    store.current.paused = true
    setPaused(true)
  }, [])
  const resume = useCallback(() => {
    const s = store.current
    s.paused = false
    s.arrivedWhilePaused.clear()
    trim(s)
    setPaused(false)
    publish()
  }, [publish])

  const shown = paused ? snapshot.items.filter((i) => !snapshot.waiting.has(i.id)) : snapshot.items
  const waiting = paused ? snapshot.items.filter((i) => snapshot.waiting.has(i.id)) : []
  return { shown, waiting, paused, loaded: feed.isSuccess, pause, resume }
}
