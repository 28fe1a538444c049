// The access filters in the URL: what a shared link holds, how it reads back, and which API filters it means (custom
// bounds are wall-clock times in the building's zone, whatever zone the browser is in).
import { describe, expect, it } from 'vitest'
import {
  accessUrlQuery,
  apiFiltersOf,
  NO_ACCESS_URL_FILTERS,
  parseAccessUrlFilters,
} from '@/components/access/access-url-filters'

describe('access filters in the URL', () => {
  it('round-trips every filter through the query string', () => {
    const filters = {
      ...NO_ACCESS_URL_FILTERS,
      range: 'custom' as const,
      from: '2026-03-29T01:00',
      to: '2026-03-29T04:00',
      method: 'face',
      result: 'denied',
      deviceId: 'dev 1',
      residentId: 'res-a',
      resident: 'Alice Martin',
      unit: '4B',
    }
    const query = accessUrlQuery(filters)
    expect(query).toBe(
      'range=custom&from=2026-03-29T01%3A00&to=2026-03-29T04%3A00&method=face&result=denied&deviceId=dev+1&residentId=res-a&resident=Alice+Martin&unit=4B',
    )
    expect(parseAccessUrlFilters(new URLSearchParams(query))).toEqual(filters)
  })

  it('leaves out what does not apply, and drops values that are not filters', () => {
    expect(accessUrlQuery({ ...NO_ACCESS_URL_FILTERS, range: 'today', from: '2026-01-01T00:00' })).toBe('range=today')
    expect(accessUrlQuery({ ...NO_ACCESS_URL_FILTERS, resident: 'Alice' })).toBe('')
    expect(parseAccessUrlFilters(new URLSearchParams('method=teleport&result=maybe&range=forever'))).toEqual(
      NO_ACCESS_URL_FILTERS,
    )
  })

  it('reads custom bounds in the building zone, across a DST change', () => {
    const api = apiFiltersOf(
      { ...NO_ACCESS_URL_FILTERS, range: 'custom', from: '2026-03-29T01:00', to: '2026-03-29T04:00' },
      'Europe/Berlin',
    )
    // 01:00 CET is 00:00Z; 04:00 CEST is 02:00Z: the local night is two hours long that day.
    expect(api).toMatchObject({ from: '2026-03-29T00:00:00.000Z', to: '2026-03-29T02:00:00.000Z' })
    expect(api.range).toBeUndefined()
  })

  it('sends quick ranges by name for the server to resolve', () => {
    expect(apiFiltersOf({ ...NO_ACCESS_URL_FILTERS, range: '7d', method: 'card', unit: '7A' }, 'UTC')).toEqual({
      range: '7d',
      from: undefined,
      to: undefined,
      method: 'card',
      result: undefined,
      deviceId: undefined,
      residentId: undefined,
      unit: '7A',
    })
  })
})
