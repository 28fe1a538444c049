// One standard data point (code + value) → domain items. Shared by protocol 4 `status[]`, IoT Core
// `properties[]`, and the OpenAPI lock logs, which all speak the same DP codes (docs/tuya-devices.md §1, §2.2–§2.4).
import { accessMethodForCode, alarmLockMeaning, DEVICE_PROPERTY_CODES } from './data-point-codes'
import type { NormalisedItem } from './normalised'
import { looseNumberSchema, readOptional } from './payload-fields'

export type DataPoint = {
  code: string
  value: unknown
  occurredAt: Date
  /** The entry as it arrived (status item, property, log entry); kept on every item. */
  raw: unknown
}

export function mapDataPoint(point: DataPoint): NormalisedItem[] {
  const { code, value, occurredAt, raw } = point

  const method = accessMethodForCode(code)
  if (method) {
    const credentialSlot = readSlot(value)
    return [
      {
        kind: 'access',
        occurredAt,
        method,
        result: 'granted',
        ...(credentialSlot !== undefined ? { credentialSlot } : {}),
        sourceCode: code,
        raw,
      },
    ]
  }

  switch (code) {
    case 'alarm_lock':
      return mapAlarmLock(point)
    case 'hijack':
      // Duress is its own Boolean DP, not an alarm_lock value (§1.2). The alarm log gives the credential as the
      // value instead of `true` (`"unlock_fingerprint-02"`, §2.4).
      if (!isActive(value)) return [property(point)]
      return [{ kind: 'alarm', occurredAt, type: 'duress', detail: describe(code, value), sourceCode: code, raw }]
    case 'doorbell':
      // Locks send `true`; IPC door stations (DP 136) send the press time as a string (§1.3).
      if (!isActive(value)) return [property(point)]
      return [{ kind: 'call', occurredAt, signal: 'ring', sourceCode: code, raw }]
    case 'unlock_request':
      return mapUnlockRequest(point)
  }

  if (DEVICE_PROPERTY_CODES.has(code)) return [property(point)]
  return [{ kind: 'unknown', occurredAt, code, value, reason: 'data point code not mapped', raw }]
}

/**
 * `wrong_*` means the device gave up after repeated wrong attempts (§1.2). We raise the alarm AND record a
 * denied access with the method, so the access history answers "who tried to get in" (filter result=denied)
 * while the alarm panel shows the incident once.
 */
function mapAlarmLock(point: DataPoint): NormalisedItem[] {
  const { occurredAt, raw, value } = point
  if (typeof value !== 'string' || value.trim() === '') {
    return [{ kind: 'unknown', occurredAt, code: point.code, value, reason: 'alarm_lock value is not an enum', raw }]
  }
  const detail = describe('alarm_lock', value)
  const meaning = alarmLockMeaning(value.trim())
  switch (meaning.kind) {
    case 'alarm':
      return [{ kind: 'alarm', occurredAt, type: meaning.type, detail, sourceCode: 'alarm_lock', raw }]
    case 'ring':
      return [{ kind: 'call', occurredAt, signal: 'ring', sourceCode: 'alarm_lock', raw }]
    case 'failed_attempts':
      return [
        { kind: 'alarm', occurredAt, type: 'repeated_failures', detail, sourceCode: 'alarm_lock', raw },
        { kind: 'access', occurredAt, method: meaning.method, result: 'denied', sourceCode: 'alarm_lock', raw },
      ]
  }
}

/**
 * `unlock_request` counts down the seconds left to answer a visitor (§1.1). > 0 is a ring; reaching 0 is the
 * timeout the suggested call machine calls "missed" (§5.4). A call already answered or opened ignores that
 * `missed` (lib/calls/call-state-machine.ts), so the countdown ending after a remote unlock is harmless.
 */
function mapUnlockRequest(point: DataPoint): NormalisedItem[] {
  const { occurredAt, raw, value } = point
  const seconds = readOptional(looseNumberSchema, value)
  if (seconds === undefined) {
    return [{ kind: 'unknown', occurredAt, code: point.code, value, reason: 'unlock_request is not a number', raw }]
  }
  return [{ kind: 'call', occurredAt, signal: seconds > 0 ? 'ring' : 'missed', sourceCode: point.code, raw }]
}

function property(point: DataPoint): NormalisedItem {
  const { code, value, occurredAt, raw } = point
  return { kind: 'device', occurredAt, change: 'property', code, value, sourceCode: code, raw }
}

/** The slot number as text; `unlock_*` values are 0–999 integers, or strings on `mk` controllers (§1.2b). */
function readSlot(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  return undefined
}

/**
 * Whether a Boolean-ish event DP is "on": true, a positive number, a non-empty string other than "0"/"false", or
 * an object (an IoT Core `deviceEventMessage` carries its `outputParams` as the value: the event happened).
 */
function isActive(value: unknown): boolean {
  if (typeof value === 'object' && value !== null) return true
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value > 0
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase()
    return text !== '' && text !== '0' && text !== 'false'
  }
  return false
}

function describe(code: string, value: unknown): string {
  if (value === true) return code
  return typeof value === 'string' || typeof value === 'number' ? `${code}: ${value}` : code
}
