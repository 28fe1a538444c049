import type { Tone } from '@/components/ui/badge'
import type { AlarmType } from '@/lib/domain/enums'

export const ALARM_LABELS: Record<AlarmType, string> = {
  tamper: 'Tamper',
  loitering: 'Loitering',
  repeated_failures: 'Repeated failed unlocks',
  duress: 'Duress',
  low_battery: 'Low battery',
  device_offline: 'Device offline',
  door_left_open: 'Door left open',
  other: 'Alarm',
}

const isAlarmType = (type: string): type is AlarmType => Object.hasOwn(ALARM_LABELS, type)
export const alarmLabel = (type: string) => (isAlarmType(type) ? ALARM_LABELS[type] : type)

export function priorityTone(priority: string): Tone {
  return priority === 'critical'
    ? 'danger'
    : priority === 'high'
      ? 'warn'
      : priority === 'medium'
        ? 'accent'
        : 'neutral'
}
