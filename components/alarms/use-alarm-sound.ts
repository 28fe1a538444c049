'use client'

import { useEffect } from 'react'
import { playTones } from '@/components/ui/play-tones'
import { alarmSoundPolicy, PRIORITY_RANK as URGENCY } from '@/lib/alarms/alarm-policy'
import type { AlarmItem } from '@/lib/alarms/schema'
import type { AlarmPriority } from '@/lib/domain/enums'

const TONES = { siren: [960, 640], alert: [740, 740], chime: [660, 880] } as const

/** Sound for unacknowledged live alarms, per the priority's policy (critical: siren until acknowledged). */
export function useAlarmSound(alarms: AlarmItem[]) {
  // The most urgent priority with an audible policy decides the sound.
  const audible = alarms
    .filter((a) => a.state === 'open' && !a.backfilled && alarmSoundPolicy(a.priority).tone !== null)
    .map((a) => a.priority)
  const top = audible.reduce<AlarmPriority | undefined>(
    (best, p) => (best && URGENCY[best] >= URGENCY[p] ? best : p),
    undefined,
  )
  const loudest = top ? alarmSoundPolicy(top) : undefined
  // A new alarm or an escalation restarts the sound.
  const escalated = alarms.filter((a) => a.escalatedAt && a.state === 'open').length
  const key = loudest
    ? `${loudest.tone}:${String(loudest.plays)}:${loudest.intervalMs}:${alarms.length}:${escalated}`
    : ''
  useEffect(() => {
    if (!loudest?.tone || typeof window === 'undefined' || !('AudioContext' in window)) return
    const ctx = new AudioContext()
    const [a, b] = TONES[loudest.tone]
    let played = 0
    const play = () => {
      played++
      playTones(
        ctx,
        [
          [0, a],
          [0.3, b],
        ],
        0.25,
        0.06,
      )
    }
    play()
    const limit = loudest.plays === 'until_acknowledged' ? Infinity : loudest.plays
    const timer =
      loudest.intervalMs > 0 ? setInterval(() => (played < limit ? play() : undefined), loudest.intervalMs) : undefined
    return () => {
      if (timer) clearInterval(timer)
      void ctx.close()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart only when the loudest policy changes
  }, [key])
}
