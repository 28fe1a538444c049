// Domain vocabularies shared by the database, REST API, live stream and normaliser.
import { z } from 'zod'
import {
  ACCESS_METHODS,
  ACCESS_RESULTS,
  ALARM_PRIORITIES,
  ALARM_STATES,
  ALARM_TYPES,
  CALL_STATES,
  DEVICE_CATEGORIES,
  ROLES,
} from '@/lib/domain/vocabularies'

export { ACCESS_METHODS, ACCESS_RESULTS, ALARM_PRIORITIES, ALARM_STATES, ALARM_TYPES, CALL_STATES, DEVICE_CATEGORIES }
export const accessMethodSchema = z.enum(ACCESS_METHODS)
export type AccessMethod = z.infer<typeof accessMethodSchema>

export const accessResultSchema = z.enum(ACCESS_RESULTS)
export type AccessResult = z.infer<typeof accessResultSchema>

export const callStateSchema = z.enum(CALL_STATES)
export type CallState = z.infer<typeof callStateSchema>

export const alarmTypeSchema = z.enum(ALARM_TYPES)
export type AlarmType = z.infer<typeof alarmTypeSchema>

export const alarmStateSchema = z.enum(ALARM_STATES)
export type AlarmState = z.infer<typeof alarmStateSchema>

export const alarmPrioritySchema = z.enum(ALARM_PRIORITIES)
export type AlarmPriority = z.infer<typeof alarmPrioritySchema>

// The value lists live in lib/domain/vocabularies.ts (zod-free) so browser code can list them without loading zod.
export { ROLES }
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

export const deviceCategorySchema = z.enum(DEVICE_CATEGORIES)
export type DeviceCategory = z.infer<typeof deviceCategorySchema>

export const SYNC_STATES = ['pending', 'synced', 'failed'] as const
export const syncStateSchema = z.enum(SYNC_STATES)
export type SyncState = z.infer<typeof syncStateSchema>

/**
 * A vocabulary value read back from a string column. Only our own code writes these columns, so a value outside
 * the vocabulary is a bug to surface, never data to pass on to a console.
 */
export function storedValue<T extends string>(values: readonly T[], value: string, column: string): T {
  if ((values as readonly string[]).includes(value)) return value as T
  throw new Error(`${column}: stored value ${JSON.stringify(value)} is not one of ${values.join(', ')}`)
}

/** `erasing`: deletion requested, devices still being cleared; `erased`: a tombstone without personal data. */
export const RESIDENT_STATUSES = ['active', 'suspended', 'erasing', 'erased'] as const
export const residentStatusSchema = z.enum(RESIDENT_STATUSES)
export type ResidentStatus = z.infer<typeof residentStatusSchema>

export const RESIDENT_KINDS = ['owner', 'tenant', 'family', 'staff', 'contractor', 'other'] as const
export const residentKindSchema = z.enum(RESIDENT_KINDS)
export type ResidentKind = z.infer<typeof residentKindSchema>

export const CREDENTIAL_KINDS = ['face', 'card', 'pin'] as const
export const credentialKindSchema = z.enum(CREDENTIAL_KINDS)
export type CredentialKind = z.infer<typeof credentialKindSchema>
