// Access-log values the browser needs at run time, kept free of zod (lib/access/schema.ts builds on them) so the
// pages that use them do not load the schema library with their first JavaScript.

/** How a door was opened (or tried), in the order the filters offer them. */
export const ACCESS_METHODS = [
  'face',
  'card',
  'password',
  'qr_code',
  'fingerprint',
  'remote',
  'temporary',
  'key',
  'other',
] as const

export const ACCESS_RESULTS = ['granted', 'denied'] as const

/** Quick time ranges, resolved by the server when the request arrives ("today" in the building's time zone). */
export const QUICK_RANGES = ['today', '24h', '7d'] as const
export type QuickRange = (typeof QUICK_RANGES)[number]

/** How far either side of an event the detail view lists the same door's other events. */
export const NEARBY_WINDOW_MINUTES = 5
