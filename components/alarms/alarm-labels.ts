import type { Tone } from '@/components/ui/badge'

const LABELS: Record<string, string> = {
  tamper: 'Tamper',
  loitering: 'Loitering',
  repeated_failures: 'Repeated failed unlocks',
  duress: 'Duress',
  low_battery: 'Low battery',
  device_offline: 'Device offline',
  door_left_open: 'Door left open',
  other: 'Alarm',
}

export const alarmLabel = (type: string) => LABELS[type] ?? type

export function priorityTone(priority: string): Tone {
  return priority === 'critical'
    ? 'danger'
    : priority === 'high'
      ? 'warn'
      : priority === 'medium'
        ? 'accent'
        : 'neutral'
}
