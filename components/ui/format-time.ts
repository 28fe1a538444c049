// Dates for operators. `useFormatTime` shows the building's local time in the page's language (next-intl carries
// both from the server: lib/i18n/request.ts); `formatTime` is the browser-locale fallback for screens not yet
// moved to it. Device times are stored in UTC.
import { useFormatter, useNow } from 'next-intl'
import { useCallback } from 'react'

const ABSOLUTE = {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const

/** Local, unambiguous date-time for operators. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  return new Date(iso).toLocaleString(undefined, ABSOLUTE)
}

/** Absolute times in logs and tables: the building's zone, the page's language. */
export function useFormatTime(): (iso: string | null | undefined) => string {
  const format = useFormatter()
  return useCallback((iso) => (iso ? format.dateTime(new Date(iso), ABSOLUTE) : '—'), [format])
}

/** "2 min ago" in the feed, refreshed every `refreshMs`. */
export function useRelativeTime(refreshMs = 30_000): (iso: string) => string {
  const format = useFormatter()
  const now = useNow({ updateInterval: refreshMs })
  return useCallback((iso) => format.relativeTime(new Date(iso), now), [format, now])
}
