// Local times in the building's zone, around the DST transitions of Europe/Berlin and America/New_York, in zones
// with half-hour offsets, and whatever zone the test process itself runs in (vitest sets America/Sao_Paulo).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatInZone,
  formatOffset,
  isoInZone,
  isTimeZone,
  localFields,
  offsetMinutesAt,
  startOfLocalDay,
  utcToWallTime,
  wallTimeToUtc,
  zoneLabel,
} from '@/lib/time/zoned-time'

const at = (iso: string) => Date.parse(iso)

describe('isTimeZone', () => {
  it('accepts IANA names and UTC, refuses the rest', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true)
    expect(isTimeZone('America/New_York')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    // Today's names, which Node's list spells the old way (Asia/Calcutta, Asia/Katmandu, Europe/Kiev).
    expect(isTimeZone('Asia/Kolkata')).toBe(true)
    expect(isTimeZone('Asia/Kathmandu')).toBe(true)
    expect(isTimeZone('Europe/Kyiv')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('EST')).toBe(false)
    expect(isTimeZone('+08:00')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })
})

describe('offsets and ISO times with the offset', () => {
  it('writes the building offset, not the process zone', () => {
    expect(isoInZone(at('2026-11-30T14:15:03.456Z'), 'Asia/Singapore')).toBe('2026-11-30T22:15:03+08:00')
    expect(isoInZone(at('2026-11-30T14:15:03Z'), 'UTC')).toBe('2026-11-30T14:15:03+00:00')
    expect(isoInZone(at('2026-11-30T14:15:03Z'), 'America/New_York')).toBe('2026-11-30T09:15:03-05:00')
    expect(isoInZone(at('2026-11-30T14:15:03Z'), 'Asia/Kolkata')).toBe('2026-11-30T19:45:03+05:30')
    expect(isoInZone(at('2026-11-30T14:15:03Z'), 'Asia/Kathmandu')).toBe('2026-11-30T20:00:03+05:45')
  })

  it('switches offset exactly at the Berlin spring and autumn transitions', () => {
    // 2026-03-29 01:00 UTC: 02:00 CET becomes 03:00 CEST.
    expect(isoInZone(at('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe('2026-03-29T01:59:59+01:00')
    expect(isoInZone(at('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00')
    // 2026-10-25 01:00 UTC: 03:00 CEST becomes 02:00 CET; 02:xx happens twice.
    expect(isoInZone(at('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30:00+02:00')
    expect(isoInZone(at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30:00+01:00')
  })

  it('switches offset exactly at the New York transitions', () => {
    // 2026-03-08 07:00 UTC: 02:00 EST becomes 03:00 EDT. 2026-11-01 06:00 UTC: 02:00 EDT becomes 01:00 EST.
    expect(offsetMinutesAt(at('2026-03-08T06:59:59Z'), 'America/New_York')).toBe(-300)
    expect(offsetMinutesAt(at('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-240)
    expect(isoInZone(at('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-04:00')
    expect(isoInZone(at('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-05:00')
  })

  it('writes what the zone offset gives for any instant, whatever was formatted before it', () => {
    // isoInZone remembers the quarter hour it formatted last; each time must still be the plain computation.
    const plain = (ms: number, zone: string) => {
      const offset = offsetMinutesAt(ms, zone)
      return new Date(ms + offset * 60_000).toISOString().slice(0, 19) + formatOffset(offset)
    }
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC']
    const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) })
    fc.assert(
      fc.property(
        fc.array(fc.tuple(instant, fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.constantFrom(...zones)), {
          minLength: 1,
          maxLength: 20,
        }),
        (steps) => {
          for (const [start, step, zone] of steps)
            for (let i = 0; i < 5; i++) expect(isoInZone(start + i * step, zone)).toBe(plain(start + i * step, zone))
        },
      ),
    )
    // Around Berlin's autumn change, second by second across the repeated hour, in both directions.
    const change = at('2026-10-25T01:00:00Z')
    for (let ms = change - 3_600_000; ms <= change + 3_600_000; ms += 7_001)
      expect(isoInZone(ms, 'Europe/Berlin')).toBe(plain(ms, 'Europe/Berlin'))
    for (let ms = change + 3_600_000; ms >= change - 3_600_000; ms -= 7_001)
      expect(isoInZone(ms, 'Europe/Berlin')).toBe(plain(ms, 'Europe/Berlin'))
  })

  it('formats offsets with sign and minutes', () => {
    expect(formatOffset(0)).toBe('+00:00')
    expect(formatOffset(330)).toBe('+05:30')
    expect(formatOffset(-210)).toBe('-03:30')
  })
})

describe('wall-clock times typed by a manager', () => {
  it('reads a wall time in the building zone, not the browser zone', () => {
    expect(wallTimeToUtc('2026-11-30T22:15', 'Asia/Singapore')?.toISOString()).toBe('2026-11-30T14:15:00.000Z')
    expect(wallTimeToUtc('2026-07-01T08:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T06:00:00.000Z')
    expect(wallTimeToUtc('2026-07-01', 'America/New_York')?.toISOString()).toBe('2026-07-01T04:00:00.000Z')
  })

  it('moves a time inside the spring gap forward, and takes the first of a repeated hour', () => {
    expect(wallTimeToUtc('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(wallTimeToUtc('2026-10-25T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(wallTimeToUtc('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe('2026-03-08T07:30:00.000Z')
    expect(wallTimeToUtc('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z')
  })

  it('refuses what is not a wall time', () => {
    for (const bad of ['', 'yesterday', '2026-02-30T10:00', '2026-13-01', '2026-01-01T24:00', '2026-01-01T10:00Z'])
      expect(wallTimeToUtc(bad, 'Europe/Berlin')).toBeNull()
  })

  it('round-trips through the input value', () => {
    const time = at('2026-10-25T00:30:00Z')
    expect(utcToWallTime(time, 'Europe/Berlin')).toBe('2026-10-25T02:30')
    expect(wallTimeToUtc(utcToWallTime(time, 'Europe/Berlin'), 'Europe/Berlin')?.getTime()).toBe(time)
  })
})

describe('local days and fields', () => {
  it('starts the local day at local midnight, 23 or 25 hours long on DST days', () => {
    const spring = startOfLocalDay(at('2026-03-29T12:00:00Z'), 'Europe/Berlin')
    const next = startOfLocalDay(at('2026-03-30T12:00:00Z'), 'Europe/Berlin')
    expect(spring.toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect((next.getTime() - spring.getTime()) / 3_600_000).toBe(23)
    const autumn = startOfLocalDay(at('2026-10-25T12:00:00Z'), 'Europe/Berlin')
    const after = startOfLocalDay(at('2026-10-26T12:00:00Z'), 'Europe/Berlin')
    expect((after.getTime() - autumn.getTime()) / 3_600_000).toBe(25)
  })

  it('gives the weekday and hour where the building is', () => {
    // Monday 2026-11-30 23:30 UTC is already Tuesday 07:30 in Singapore, still Monday 18:30 in New York.
    expect(localFields(at('2026-11-30T23:30:00Z'), 'Asia/Singapore')).toMatchObject({ weekday: 2, hour: 7 })
    expect(localFields(at('2026-11-30T23:30:00Z'), 'America/New_York')).toMatchObject({
      weekday: 1,
      hour: 18,
      date: '2026-11-30',
    })
  })
})

describe('display', () => {
  it('formats in the zone, 24-hour, and names the zone with its offset', () => {
    expect(formatInZone('2026-11-30T14:15:03Z', 'Asia/Singapore')).toBe('30 Nov 2026, 22:15:03')
    expect(formatInZone(null, 'UTC')).toBe('—')
    expect(zoneLabel('Europe/Berlin', at('2026-07-01T00:00:00Z'))).toBe('Europe/Berlin (UTC+02:00)')
  })
})
