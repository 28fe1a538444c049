'use client'

// One clock for every "2 min ago" on screen: a single interval, running only while something shows a relative
// time, whose tick re-renders just those time elements. A timer per row would mean thousands of timers in a feed
// at 50 events/s; this is one, however many rows there are.
import { useSyncExternalStore } from 'react'

/** How often relative times are recomputed; they read in minutes ("2 min ago"), so 10 s is close enough. */
export const CLOCK_TICK_MS = 10_000

export type SharedClock = {
  now(): number
  subscribe(listener: () => void): () => void
}

export function createSharedClock(tickMs = CLOCK_TICK_MS, read: () => number = Date.now): SharedClock {
  const listeners = new Set<() => void>()
  let current = read()
  let timer: ReturnType<typeof setInterval> | undefined
  const tick = () => {
    current = read()
    for (const listener of listeners) listener()
  }
  return {
    now: () => current,
    subscribe(listener) {
      listeners.add(listener)
      if (!timer) {
        // Idle until now: the time kept may be old, so the first subscriber starts from the present.
        current = read()
        timer = setInterval(tick, tickMs)
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && timer) {
          clearInterval(timer)
          timer = undefined
        }
      }
    },
  }
}

const clock = createSharedClock()

/** The shared clock's time (ms since the epoch), updated every CLOCK_TICK_MS while anything on screen uses it. */
export function useSharedNow(): number {
  return useSyncExternalStore(clock.subscribe, clock.now, clock.now)
}
