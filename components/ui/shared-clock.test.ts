import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSharedClock } from '@/components/ui/shared-clock'

describe('the shared clock', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }))
  afterEach(() => void vi.useRealTimers())

  it('runs one timer however many rows listen, and none once they are gone', () => {
    const clock = createSharedClock(10_000)
    expect(vi.getTimerCount()).toBe(0)
    const listeners = Array.from({ length: 500 }, () => vi.fn())
    const unsubscribe = listeners.map((listener) => clock.subscribe(listener))
    expect(vi.getTimerCount()).toBe(1)

    vi.advanceTimersByTime(10_000)
    expect(clock.now()).toBe(1_010_000)
    for (const listener of listeners) expect(listener).toHaveBeenCalledTimes(1)

    for (const stop of unsubscribe) stop()
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(60_000)
    for (const listener of listeners) expect(listener).toHaveBeenCalledTimes(1)
  })

  it('keeps its time between ticks, and starts from the present after being idle', () => {
    const clock = createSharedClock(10_000)
    const first = clock.now()
    vi.advanceTimersByTime(4_000)
    expect(clock.now()).toBe(first)

    vi.advanceTimersByTime(120_000)
    const stop = clock.subscribe(() => undefined)
    expect(clock.now()).toBe(first + 124_000)
    stop()
  })
})
