'use client'

// The access filters live in the page URL, the one source of truth: a filtered log (or report) is a link a manager
// can bookmark or send, and Back undoes the last filter change. Custom times are wall-clock times in the
// building's zone (`2026-11-30T08:00`), so the same link selects the same rows whatever zone the reader's browser is
// in; quick ranges travel as their name and the server resolves them when the request arrives.
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'
import { isAccessMethod, isAccessResult } from '@/components/access/access-labels'
import { QUICK_RANGES, type QuickRange } from '@/lib/access/access-constants'
import type { AccessEventFilters } from '@/lib/http/api-paths'
import { wallTimeToUtc } from '@/lib/time/zoned-time'

export type RangeChoice = QuickRange | 'custom' | ''

/** What the URL holds, as strings ('' = not set). */
export type AccessUrlFilters = {
  range: RangeChoice
  /** Custom range bounds: wall-clock times in the building zone. */
  from: string
  to: string
  method: string
  result: string
  deviceId: string
  residentId: string
  /** The chosen resident's name, shown in the picker (display only; the filter is residentId). */
  resident: string
  unit: string
}

export const NO_ACCESS_URL_FILTERS: AccessUrlFilters = {
  range: '',
  from: '',
  to: '',
  method: '',
  result: '',
  deviceId: '',
  residentId: '',
  resident: '',
  unit: '',
}

const KEYS = Object.keys(NO_ACCESS_URL_FILTERS) as (keyof AccessUrlFilters)[]
const isRange = (value: string): value is RangeChoice =>
  value === '' || value === 'custom' || (QUICK_RANGES as readonly string[]).includes(value)

type ParamsLike = { get(name: string): string | null }

export function parseAccessUrlFilters(params: ParamsLike): AccessUrlFilters {
  const read = (key: keyof AccessUrlFilters) => (params.get(key) ?? '').slice(0, 200)
  const range = read('range')
  return {
    range: isRange(range) ? range : '',
    from: read('from'),
    to: read('to'),
    method: isAccessMethod(read('method')) ? read('method') : '',
    result: isAccessResult(read('result')) ? read('result') : '',
    deviceId: read('deviceId'),
    residentId: read('residentId'),
    resident: read('residentId') ? read('resident') : '',
    unit: read('unit').trim(),
  }
}

/** The URL's query string for these filters (empty ones left out, custom bounds only with the custom range). */
export function accessUrlQuery(filters: AccessUrlFilters): string {
  const params = new URLSearchParams()
  for (const key of KEYS) {
    const value = filters[key]
    if (!value) continue
    if ((key === 'from' || key === 'to') && filters.range !== 'custom') continue
    if (key === 'resident' && !filters.residentId) continue
    params.set(key, value)
  }
  return params.toString()
}

/** The API's filters for what the URL holds; custom bounds are read in the building's zone. */
export function apiFiltersOf(filters: AccessUrlFilters, timeZone: string): AccessEventFilters {
  const instant = (wall: string) => (wall ? wallTimeToUtc(wall, timeZone)?.toISOString() : undefined)
  const custom = filters.range === 'custom'
  return {
    range: filters.range && filters.range !== 'custom' ? filters.range : undefined,
    from: custom ? instant(filters.from) : undefined,
    to: custom ? instant(filters.to) : undefined,
    method: isAccessMethod(filters.method) ? filters.method : undefined,
    result: isAccessResult(filters.result) ? filters.result : undefined,
    deviceId: filters.deviceId || undefined,
    residentId: filters.residentId || undefined,
    unit: filters.unit || undefined,
  }
}

/** The filters in the current URL, and a setter that pushes a new history entry (so Back undoes it). */
export function useAccessUrlFilters() {
  const params = useSearchParams()
  const router = useRouter()
  const pathname = usePathname()
  const query = params.toString()
  const filters = useMemo(() => parseAccessUrlFilters(new URLSearchParams(query)), [query])
  const setFilters = useCallback(
    (next: AccessUrlFilters) => {
      const nextQuery = accessUrlQuery(next)
      if (nextQuery === query) return
      router.push(nextQuery ? `${pathname}?${nextQuery}` : pathname, { scroll: false })
    },
    [router, pathname, query],
  )
  return { filters, setFilters, query: accessUrlQuery(filters) }
}
