// How an alarm's priority looks (its words are in the catalogues: alarmTypes, alarmPriorities, alarmStates).
import type { Tone } from '@/components/ui/badge'

export function priorityTone(priority: string): Tone {
  return priority === 'critical'
    ? 'danger'
    : priority === 'high'
      ? 'warn'
      : priority === 'medium'
        ? 'accent'
        : 'neutral'
}
