// Domain vocabularies shared by the database, REST API, live stream and normaliser (INTERFACES.md).
import { z } from 'zod'

export const ACCESS_METHODS = [
  'face',
  'card',
  'password',
  'qr_code',
  'fingerprint',
  'remote',
  'temporary',
  'key',
  'other',
] as const
export const accessMethodSchema = z.enum(ACCESS_METHODS)
export type AccessMethod = z.infer<typeof accessMethodSchema>

export const ACCESS_RESULTS = ['granted', 'denied'] as const
export const accessResultSchema = z.enum(ACCESS_RESULTS)
export type AccessResult = z.infer<typeof accessResultSchema>

export const CALL_STATES = ['ringing', 'answered', 'declined', 'missed', 'cancelled', 'door_opened'] as const
export const callStateSchema = z.enum(CALL_STATES)
export type CallState = z.infer<typeof callStateSchema>

export const ALARM_TYPES = [
  'tamper',
  'loitering',
  'repeated_failures',
  'duress',
  'low_battery',
  'device_offline',
  'door_left_open',
  'other',
] as const
export const alarmTypeSchema = z.enum(ALARM_TYPES)
export type AlarmType = z.infer<typeof alarmTypeSchema>

export const ALARM_STATES = ['open', 'acknowledged', 'resolved'] as const
export const alarmStateSchema = z.enum(ALARM_STATES)
export type AlarmState = z.infer<typeof alarmStateSchema>

export const ALARM_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const
export type AlarmPriority = (typeof ALARM_PRIORITIES)[number]

export const ROLES = ['guard', 'admin', 'manager'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

export const DEVICE_CATEGORIES = ['face_terminal', 'door_station', 'smart_lock', 'other'] as const
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number]

export const SYNC_STATES = ['pending', 'synced', 'failed'] as const
export type SyncState = (typeof SYNC_STATES)[number]
