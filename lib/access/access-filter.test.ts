// Quick ranges at the DST transitions: "today" starts at local midnight in the building zone, so on the day the
// clocks change it is 23 or 25 hours long, and "24h" is always 24 real hours.
import { describe, expect, it } from 'vitest'
import { quickRangeStart } from '@/lib/access/access-filter'

describe('quick ranges', () => {
  it('starts today at local midnight on the Berlin spring-forward and fall-back days', () => {
    expect(quickRangeStart('today', new Date('2026-03-29T21:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    )
    expect(quickRangeStart('today', new Date('2026-10-25T22:30:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-10-24T22:00:00.000Z',
    )
  })

  it('starts today at local midnight in New York, even when UTC is already tomorrow', () => {
    expect(quickRangeStart('today', new Date('2026-11-01T23:30:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    )
    expect(quickRangeStart('today', new Date('2026-03-08T12:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    )
  })

  it('counts 24 h and 7 days in real hours, whatever the clocks did', () => {
    const now = new Date('2026-03-29T12:00:00Z')
    expect(quickRangeStart('24h', now, 'Europe/Berlin').toISOString()).toBe('2026-03-28T12:00:00.000Z')
    expect(quickRangeStart('7d', now, 'Europe/Berlin').toISOString()).toBe('2026-03-22T12:00:00.000Z')
  })
})
