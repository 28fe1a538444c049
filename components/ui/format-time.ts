// Dates for operators. `useFormatTime` shows the building's local time in the page's language (next-intl carries
// both from the server: lib/i18n/request.ts); `formatTime` is the browser-locale fallback for screens not yet
// moved to it. Device times are stored in UTC.
import { useFormatter, useTranslations } from 'next-intl'
import { useCallback } from 'react'
import { useSharedNow } from '@/components/ui/shared-clock'

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

/** Within a minute either way (a device clock a little ahead included), a time reads "just now". */
const JUST_NOW_MS = 60_000

type RelativeFormatter = Pick<ReturnType<typeof useFormatter>, 'relativeTime'>

/** "2 min. ago" / "2分钟前" for `iso` seen from `now`; `justNow` under a minute. */
export function relativeText(format: RelativeFormatter, iso: string, now: number, justNow: string): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return '—'
  if (Math.abs(now - at) < JUST_NOW_MS) return justNow
  return format.relativeTime(at, { now, style: 'short' })
}

/** "2 min ago" in the feed, kept current by the shared clock (one timer for the whole screen, not one per row). */
export function useRelativeTime(): (iso: string) => string {
  const format = useFormatter()
  const t = useTranslations('time')
  const now = useSharedNow()
  return useCallback((iso) => relativeText(format, iso, now, t('justNow')), [format, now, t])
}
