// The domain's value lists that browser code needs at run time, kept free of zod (lib/domain/enums.ts and the
// schemas build on them) so the pages that list them do not load the schema library with their first JavaScript.
export { ACCESS_METHODS, ACCESS_RESULTS } from '@/lib/access/access-constants'
export { ROLES } from '@/lib/domain/roles'

export const CALL_STATES = ['ringing', 'answered', 'declined', 'missed', 'cancelled', 'door_opened'] as const

export const ALARM_TYPES = [
  'tamper',
  'loitering',
  'repeated_failures',
  'duress',
  'low_battery',
  'device_offline',
  'door_left_open',
  'other',
] as const

export const ALARM_STATES = ['open', 'acknowledged', 'resolved'] as const

export const ALARM_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const

/** The alarms page's state filter: the three states, and "unresolved" (open or acknowledged). */
export const ALARM_STATE_FILTERS = ['unresolved', 'open', 'acknowledged', 'resolved'] as const

/** The longest escalation time an admin may set, in minutes (a week). */
export const MAX_ESCALATION_MINUTES = 7 * 24 * 60

export const DEVICE_CATEGORIES = ['face_terminal', 'door_station', 'smart_lock', 'other'] as const
