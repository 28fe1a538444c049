'use client'

import { useEffect } from 'react'
import { playTones } from '@/components/ui/play-tones'

/** A two-tone ring generated with Web Audio (no asset to load) while `active`; browsers may block it until the user has interacted with the page. */
export function useRing(active: boolean) {
  useEffect(() => {
    if (!active || typeof window === 'undefined' || !('AudioContext' in window)) return
    const ctx = new AudioContext()
    const ring = () =>
      playTones(ctx, [
        [0, 880],
        [0.25, 660],
      ])
    ring()
    const timer = setInterval(ring, 1500)
    return () => {
      clearInterval(timer)
      void ctx.close()
    }
  }, [active])
}
