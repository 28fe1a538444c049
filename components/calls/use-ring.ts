'use client'

import { useEffect } from 'react'

/** A two-tone ring generated with Web Audio (no asset to load) while `active`; browsers may block it until the user has interacted with the page. */
export function useRing(active: boolean) {
  useEffect(() => {
    if (!active || typeof window === 'undefined' || !('AudioContext' in window)) return
    const ctx = new AudioContext()
    const ring = () => {
      for (const [offset, frequency] of [
        [0, 880],
        [0.25, 660],
      ] as const) {
        const osc = ctx.createOscillator()
        const gain = ctx.createGain()
        osc.frequency.value = frequency
        gain.gain.value = 0.08
        osc.connect(gain).connect(ctx.destination)
        osc.start(ctx.currentTime + offset)
        osc.stop(ctx.currentTime + offset + 0.2)
      }
    }
    ring()
    const timer = setInterval(ring, 1500)
    return () => {
      clearInterval(timer)
      void ctx.close()
    }
  }, [active])
}
