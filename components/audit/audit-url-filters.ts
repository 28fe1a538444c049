'use client'

// The audit filters live in the page URL (bookmarkable, Back undoes a change). Times are wall-clock times in the
// building's zone; the API gets instants.
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'
import type { AuditFilters } from '@/lib/http/api-paths'
import { wallTimeToUtc } from '@/lib/time/zoned-time'

export type AuditUrlFilters = { user: string; action: string; from: string; to: string; object: string }
export const NO_AUDIT_URL_FILTERS: AuditUrlFilters = { user: '', action: '', from: '', to: '', object: '' }
const KEYS = Object.keys(NO_AUDIT_URL_FILTERS) as (keyof AuditUrlFilters)[]

export function auditUrlQuery(filters: AuditUrlFilters): string {
  const params = new URLSearchParams()
  for (const key of KEYS) if (filters[key].trim()) params.set(key, filters[key].trim())
  return params.toString()
}

export function auditApiFilters(filters: AuditUrlFilters, timeZone: string): AuditFilters {
  const instant = (wall: string) => (wall ? wallTimeToUtc(wall, timeZone)?.toISOString() : undefined)
  return {
    user: filters.user || undefined,
    action: filters.action || undefined,
    from: instant(filters.from),
    to: instant(filters.to),
    object: filters.object || undefined,
  }
}

export function useAuditUrlFilters() {
  const params = useSearchParams()
  const router = useRouter()
  const pathname = usePathname()
  const query = params.toString()
  const filters = useMemo(() => {
    const read = new URLSearchParams(query)
    return Object.fromEntries(KEYS.map((k) => [k, (read.get(k) ?? '').slice(0, 200)])) as AuditUrlFilters
  }, [query])
  const setFilters = useCallback(
    (next: AuditUrlFilters) => {
      const nextQuery = auditUrlQuery(next)
      if (nextQuery !== query) router.push(nextQuery ? `${pathname}?${nextQuery}` : pathname, { scroll: false })
    },
    [router, pathname, query],
  )
  return { filters, setFilters }
}
