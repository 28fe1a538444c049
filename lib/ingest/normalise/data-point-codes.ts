// Tables from Tuya standard data-point codes to the domain (docs/tuya-devices.md §1.1–§1.3, §2.1). Codes, not DP ids:
// DP ids are assigned per product (231 is "bell call" on DNAKE and "tamper" on Kerui, §1.3).
import type { AccessMethod, AlarmType } from '@/lib/domain/enums'
import { ownEntry } from './payload-fields'

/** `unlock_*` DPs whose value is the slot of the credential that opened the door (§1.1). */
const ACCESS_METHOD_BY_CODE: Readonly<Record<string, AccessMethod>> = {
  unlock_face: 'face',
  unlock_card: 'card',
  unlock_password: 'password',
  unlock_fingerprint: 'fingerprint',
  // The open-logs doc example spells it `unlock_finger` (§2.2).
  unlock_finger: 'fingerprint',
  unlock_temporary: 'temporary',
  unlock_dynamic: 'temporary',
  unlock_offline_pd: 'temporary',
  // `mk` access controllers use these names for the same thing (§1.2b).
  unlock_temp_pwd: 'temporary',
  unlock_dynamic_pwd: 'temporary',
  unlock_key: 'key',
  unlock_app: 'remote',
  unlock_remote: 'remote',
  unlock_phone_remote: 'remote',
  // §2.1 lists the voice assistant under "remote".
  unlock_voice_remote: 'remote',
}

/** `unlock_*` codes that are settings, commands or enrolment traffic, not a door opening. */
const NOT_AN_UNLOCK = new Set([
  'unlock_request', // a visitor asking to be let in: a call (§1.1, §5.4)
  'unlock_switch',
  'unlock_method_create',
  'unlock_method_delete',
  'unlock_method_modify',
  'unlock_method_freeze',
  'unlock_method_enable',
  'unlock_offline_clear',
  'unlock_offline_clear_single',
  'unlock_record_check',
])

/** The access method of an unlock DP, or null when the code is not an unlock event. */
export function accessMethodForCode(code: string): AccessMethod | null {
  const known = ownEntry(ACCESS_METHOD_BY_CODE, code)
  if (known) return known
  if (!code.startsWith('unlock_') || NOT_AN_UNLOCK.has(code)) return null
  if (/(^|_)qr/.test(code.slice('unlock_'.length))) return 'qr_code'
  // Iris, palm, vein, BLE, ID card, "double" … are real openings without a domain method of their own.
  return 'other'
}

export type AlarmLockMeaning =
  | { kind: 'alarm'; type: AlarmType }
  /** A burst of wrong attempts: an alarm, and also a denied access with this method (see map-data-point.ts). */
  | { kind: 'failed_attempts'; method: AccessMethod }
  /** tediton firmware reports the doorbell through alarm_lock (§1.2). */
  | { kind: 'ring' }

const ALARM_LOCK_MEANINGS: Readonly<Record<string, AlarmLockMeaning>> = {
  pry: { kind: 'alarm', type: 'tamper' },
  shock: { kind: 'alarm', type: 'tamper' },
  defense: { kind: 'alarm', type: 'tamper' },
  wrong_finger: { kind: 'failed_attempts', method: 'fingerprint' },
  wrong_password: { kind: 'failed_attempts', method: 'password' },
  wrong_card: { kind: 'failed_attempts', method: 'card' },
  wrong_face: { kind: 'failed_attempts', method: 'face' },
  wrong_unlock: { kind: 'failed_attempts', method: 'other' },
  stay_alarm: { kind: 'alarm', type: 'loitering' },
  low_battery: { kind: 'alarm', type: 'low_battery' },
  power_off: { kind: 'alarm', type: 'low_battery' },
  unclosed_time: { kind: 'alarm', type: 'door_left_open' },
  tongue_not_out: { kind: 'alarm', type: 'door_left_open' },
  doorbell: { kind: 'ring' },
}

/** Meaning of one `alarm_lock` enum value (§1.2); unlisted values (tongue_bad, too_hot, key_in …) are `other`. */
export function alarmLockMeaning(value: string): AlarmLockMeaning {
  return ownEntry(ALARM_LOCK_MEANINGS, value) ?? { kind: 'alarm', type: 'other' }
}

/** DPs that point at a picture (§1.3, §1.5); their value is attached to the other items of the same report. */
export const SNAPSHOT_CODES = new Set([
  'doorbell_pic',
  'movement_detect_pic',
  'alarm_message',
  'initiative_message',
  'alarm_pic',
  'unlock_pic',
])

/** Plain device state the product keeps (battery, door and lock state, modes). */
export const DEVICE_PROPERTY_CODES = new Set([
  'residual_electricity',
  'battery_state',
  'battery_percentage',
  'closed_opened',
  'closed_open_state',
  'lock_motor_state',
  'reverse_lock',
  'child_lock',
  'anti_lock_outside',
  'open_inside',
  'normal_open_switch',
  'arming_switch',
  'do_not_disturb',
  'automatic_lock',
  'auto_lock_time',
  'reply_unlock_request',
  'doorbell_ring_exist',
  'doorbell_volume',
  'doorbell_song',
  'record_switch',
])
