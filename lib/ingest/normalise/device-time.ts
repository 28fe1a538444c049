// Device and cloud timestamps: 13-digit ms in protocol 4/20/1000 (docs/tuya-protocol.md §3.8), but seconds in the MQTT
// open-hub variant (§3.9, `"t":"1636568272"` as a string) and in lock album `upload_time` (docs/tuya-devices.md §2.6).
import { looseNumberSchema, readOptional } from './payload-fields'

/** Below this a number is read as seconds: 1e11 ms is 1973, 1e11 s is year 5138. */
const SECONDS_BELOW = 100_000_000_000
/** Devices with an unset clock report 1970; anything before 2001 is not a real event time. */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(2001, 0, 1)
/** Tolerated clock skew into the future before a device time is distrusted. */
const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000

/**
 * Reads a device time (ms or s, number or numeric string, or an ISO-8601 string) and returns it only when it is
 * plausible relative to `receivedAt`; otherwise null, so the caller falls back to the next candidate.
 */
export function parseDeviceTime(value: unknown, receivedAt: Date): Date | null {
  const ms = readEpochMs(value)
  if (ms === null) return null
  if (ms < EARLIEST_PLAUSIBLE_MS || ms > receivedAt.getTime() + MAX_FUTURE_SKEW_MS) return null
  return new Date(ms)
}

function readEpochMs(value: unknown): number | null {
  const numeric = readOptional(looseNumberSchema, value)
  if (numeric !== undefined) return numeric < SECONDS_BELOW ? Math.round(numeric * 1000) : Math.round(numeric)
  // Only full ISO-8601 date-times (with a zone), so a local-time string never depends on the server's TZ.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) {
    const parsed = Date.parse(value)
    return Number.isNaN(parsed) ? null : parsed
  }
  return null
}

/** The first plausible candidate, else `fallback`. */
export function resolveDeviceTime(candidates: readonly unknown[], receivedAt: Date, fallback: Date): Date {
  for (const candidate of candidates) {
    const time = parseDeviceTime(candidate, receivedAt)
    if (time) return time
  }
  return fallback
}
