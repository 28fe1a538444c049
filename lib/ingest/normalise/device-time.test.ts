import { describe, expect, it } from 'vitest'
import { parseDeviceTime, resolveDeviceTime } from './device-time'

const receivedAt = new Date('2026-11-25T12:00:00.000Z')

describe('parseDeviceTime', () => {
  it.each<[string, unknown, string | null]>([
    ['13-digit ms', 1700000000123, '2023-11-14T22:13:20.123Z'],
    ['10-digit seconds', 1700000000, '2023-11-14T22:13:20.000Z'],
    ['seconds as a string (open-hub, docs/tuya-protocol.md §3.9)', '1636568272', '2021-11-10T18:17:52.000Z'],
    ['ms as a string', '1700000000123', '2023-11-14T22:13:20.123Z'],
    ['fractional seconds', 1700000000.5, '2023-11-14T22:13:20.500Z'],
    ['ISO-8601 with zone', '2025-11-24T16:00:00+01:00', '2025-11-24T15:00:00.000Z'],
    ['ISO without zone is ambiguous', '2025-11-24T16:00:00', null],
    ['unset device clock (1970)', 12345, null],
    ['12-digit doc example (1974 in ms)', 146052438362, null],
    ['more than a day in the future', receivedAt.getTime() + 25 * 3600_000, null],
    ['a little in the future (clock skew)', receivedAt.getTime() + 60_000, '2026-11-25T12:01:00.000Z'],
    ['not a time', 'yesterday', null],
    ['missing', undefined, null],
  ])('%s', (_name, value, expected) => {
    expect(parseDeviceTime(value, receivedAt)?.toISOString() ?? null).toBe(expected)
  })

  it('does not depend on the process time zone', () => {
    expect(process.env.TZ).not.toBe('UTC')
    expect(parseDeviceTime(1764000000, receivedAt)?.toISOString()).toBe('2025-11-24T16:00:00.000Z')
  })
})

describe('resolveDeviceTime', () => {
  it('takes the first plausible candidate, else the fallback', () => {
    const fallback = new Date(0)
    expect(resolveDeviceTime([undefined, 146052438362, 1764000000000], receivedAt, fallback).toISOString()).toBe(
      '2025-11-24T16:00:00.000Z',
    )
    expect(resolveDeviceTime([undefined, 'x'], receivedAt, fallback)).toBe(fallback)
  })
})
