// Times in the building's zone (an IANA name such as Europe/Berlin). Stored times stay UTC; every screen, CSV and
// report that a manager reads shows the building's local time and names the zone. Pure and browser-safe: the
// offset of a zone at an instant comes from Intl, cached per quarter hour (every zone's offset is a multiple of
// 15 minutes, and transitions fall on such boundaries), so the CSV export can format hundreds of thousands of
// times a second.

const QUARTER_HOUR_MS = 15 * 60_000
const MINUTE_MS = 60_000

/**
 * Whether `name` is an IANA time zone this runtime knows: a canonical name from Intl.supportedValuesOf, UTC (which
 * some omit), or an alias Intl accepts. Node's list spells some zones the old way (Asia/Calcutta), so today's names
 * (Asia/Kolkata, Asia/Kathmandu, Europe/Kyiv) are aliases here. Offsets and abbreviations are not zones.
 */
export function isTimeZone(name: string): boolean {
  if (name === 'UTC' || supportedZones().has(name)) return true
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

let zones: Set<string> | undefined
function supportedZones(): Set<string> {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'))
  return zones
}

const partFormatters = new Map<string, Intl.DateTimeFormat>()
function partFormatter(zone: string): Intl.DateTimeFormat {
  let format = partFormatters.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    partFormatters.set(zone, format)
  }
  return format
}

/** Offset of `zone` from UTC at instant `ms`, in minutes (Berlin in summer: +120). Uncached. */
function computeOffsetMinutes(ms: number, zone: string): number {
  const parts: Record<string, number> = {}
  for (const part of partFormatter(zone).formatToParts(new Date(ms)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE_MS)
}

const offsetCaches = new Map<string, Map<number, number>>()

/** Offset of `zone` from UTC at instant `ms`, in minutes; cached per zone and quarter hour. */
export function offsetMinutesAt(ms: number, zone: string): number {
  let cache = offsetCaches.get(zone)
  if (!cache) {
    cache = new Map()
    offsetCaches.set(zone, cache)
  }
  const quarter = Math.floor(ms / QUARTER_HOUR_MS)
  let offset = cache.get(quarter)
  if (offset === undefined) {
    if (cache.size > 100_000) cache.clear()
    offset = computeOffsetMinutes(quarter * QUARTER_HOUR_MS, zone)
    cache.set(quarter, offset)
  }
  return offset
}

/** `+08:00`, `-05:00`, `+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

const offsetTexts = new Map<number, string>()

/** `00` … `59`. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'))
/** Up to here local times have four-digit years (toISOString writes other years in another form). */
const FAST_UNTIL_MS = Date.UTC(9000, 0, 1)

/**
 * The UTC quarter hour isoInZone formatted last: the offset is the same throughout a quarter, and its local time
 * lies within one local hour, so a time in it is the hour's text plus minutes and seconds counted from its start.
 * Exports format times in order, about a hundred per quarter at a million events over 90 days.
 */
let lastQuarter = { zone: '', start: Number.NaN, hourText: '', minute: 0, offsetText: '' }

/** ISO-8601 local time with the zone's offset, to the second: `2026-11-30T22:15:03+08:00`. */
export function isoInZone(time: Date | number, zone: string): string {
  const ms = typeof time === 'number' ? time : time.getTime()
  const seconds = Math.floor((ms - lastQuarter.start) / 1000)
  if (seconds >= 0 && seconds < 900 && zone === lastQuarter.zone) {
    const minute = lastQuarter.minute + Math.floor(seconds / 60)
    return `${lastQuarter.hourText}${TWO_DIGITS[minute]}:${TWO_DIGITS[seconds % 60]}${lastQuarter.offsetText}`
  }
  const offset = offsetMinutesAt(ms, zone)
  let text = offsetTexts.get(offset)
  if (text === undefined) offsetTexts.set(offset, (text = formatOffset(offset)))
  const local = new Date(ms + offset * MINUTE_MS).toISOString()
  if (ms >= 0 && ms < FAST_UNTIL_MS) {
    const start = Math.floor(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS
    const startMinute = new Date(start + offset * MINUTE_MS).getUTCMinutes()
    lastQuarter = { zone, start, hourText: local.slice(0, 14), minute: startMinute, offsetText: text }
  }
  return local.slice(0, 19) + text
}

/** The local calendar fields of an instant in a zone (weekday: 0 = Sunday). */
export function localFields(time: Date | number, zone: string) {
  const ms = typeof time === 'number' ? time : time.getTime()
  const local = new Date(ms + offsetMinutesAt(ms, zone) * MINUTE_MS)
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
    /** `YYYY-MM-DD` in the zone. */
    date: local.toISOString().slice(0, 10),
  }
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * The instant a wall-clock time (`2026-03-29T02:30`, as a `datetime-local` input gives it, or a date alone) names
 * in `zone`; null when it is not a wall-clock time. In a DST gap (the clock jumps over it) the time is moved
 * forward by the gap, and in an overlap (the hour repeats) the earlier instant is chosen, as the browsers'
 * Temporal "compatible" rule does.
 */
export function wallTimeToUtc(wall: string, zone: string): Date | null {
  const m = WALL_TIME.exec(wall)
  if (!m) return null
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  if (new Date(asUtc).getUTCDate() !== day) return null
  // The offset is one of the zone's offsets a day either side; try the earlier instant first.
  const candidates = [
    ...new Set([offsetMinutesAt(asUtc - 86_400_000, zone), offsetMinutesAt(asUtc + 86_400_000, zone)]),
  ]
    .map((offset) => asUtc - offset * MINUTE_MS)
    .sort((a, b) => a - b)
  for (const candidate of candidates)
    if (candidate + offsetMinutesAt(candidate, zone) * MINUTE_MS === asUtc) return new Date(candidate)
  // In a gap: read the wall time with the offset before the jump, which lands after it.
  const before = offsetMinutesAt(asUtc - 86_400_000, zone)
  return new Date(asUtc - before * MINUTE_MS)
}

/** The wall-clock value a `datetime-local` input shows for an instant in `zone` (`2026-11-30T22:15`). */
export function utcToWallTime(time: Date | number, zone: string): string {
  return isoInZone(time, zone).slice(0, 16)
}

/** Midnight at the start of the local day that contains `time`, in `zone` (23 or 25 hours long on DST days). */
export function startOfLocalDay(time: Date | number, zone: string): Date {
  const { date } = localFields(time, zone)
  return wallTimeToUtc(date, zone) ?? new Date(time)
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>()

/** `30 Nov 2026, 22:15:03` in the zone (en-GB order, 24-hour clock); the caller names the zone once nearby. */
export function formatInZone(iso: string | Date | null | undefined, zone: string): string {
  if (!iso) return '—'
  const time = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(time.getTime())) return '—'
  let format = displayFormatters.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    displayFormatters.set(zone, format)
  }
  return format.format(time)
}

/** How a screen names the zone: `Europe/Berlin (UTC+01:00)` at `time` (default: now). */
export function zoneLabel(zone: string, time: Date | number = Date.now()): string {
  const ms = typeof time === 'number' ? time : time.getTime()
  return `${zone} (UTC${formatOffset(offsetMinutesAt(ms, zone))})`
}
