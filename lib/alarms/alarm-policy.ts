// How loudly and how urgently each alarm type is treated. Pure policy: the console plays the sound,
// a scheduler asks shouldEscalate, the ingest folds repeats by alarmFoldKey.
import type { AlarmPriority, AlarmState, AlarmType } from '@/lib/domain/enums'

const PRIORITY_BY_TYPE: Readonly<Record<AlarmType, AlarmPriority>> = {
  // A person under threat, or someone forcing the door: act now.
  duress: 'critical',
  tamper: 'critical',
  // Someone is trying, or waiting at the door.
  repeated_failures: 'high',
  loitering: 'high',
  // The building is less safe until someone looks: a blind door station, a door standing open.
  device_offline: 'medium',
  door_left_open: 'medium',
  // Maintenance.
  low_battery: 'low',
  other: 'medium',
}

export function alarmPriority(type: AlarmType): AlarmPriority {
  return PRIORITY_BY_TYPE[type]
}

export type AlarmSoundPolicy = {
  /** Which sound the console plays; null = silent (the alarm still shows in the panel). */
  tone: 'siren' | 'alert' | 'chime' | null
  /** How many times to play it; `until_acknowledged` repeats until a guard acknowledges the alarm. */
  plays: number | 'until_acknowledged'
  /** Pause between two plays. */
  intervalMs: number
}

const SOUND_BY_PRIORITY: Readonly<Record<AlarmPriority, AlarmSoundPolicy>> = {
  critical: { tone: 'siren', plays: 'until_acknowledged', intervalMs: 3_000 },
  high: { tone: 'alert', plays: 5, intervalMs: 15_000 },
  medium: { tone: 'chime', plays: 1, intervalMs: 0 },
  low: { tone: null, plays: 0, intervalMs: 0 },
}

export function alarmSoundPolicy(priority: AlarmPriority): AlarmSoundPolicy {
  return SOUND_BY_PRIORITY[priority]
}

/** Time an alarm may stay unacknowledged before it escalates (to admins, louder), by priority. */
export const ALARM_ESCALATION_MS: Readonly<Record<AlarmPriority, number>> = {
  critical: 60_000,
  high: 5 * 60_000,
  medium: 15 * 60_000,
  low: 24 * 60 * 60_000,
}

/**
 * Repeats of one alarm type on one device fold into a single unresolved alarm with a count, so a lock sending
 * `alarm_lock: shock` every few seconds is one row, not a flood. `other` folds by type too: its detail
 * (`alarm_lock: too_hot` …) stays on each occurrence.
 */
export function alarmFoldKey(deviceId: string | null, type: AlarmType): string {
  return `${deviceId ?? '(no device)'}:${type}`
}

/** An alarm still takes repeats until it is resolved; after that the same key opens a new alarm. */
export function canFoldInto(alarm: { state: AlarmState }): boolean {
  return alarm.state !== 'resolved'
}

export type EscalationCandidate = {
  type: AlarmType
  state: AlarmState
  /** First occurrence: the clock runs from when the guard was first told, not from the latest repeat. */
  firstAt: Date
  escalatedAt?: Date | null
}

/** Open (unacknowledged), not escalated yet, and older than its priority allows. */
export function shouldEscalate(alarm: EscalationCandidate, now: Date): boolean {
  if (alarm.state !== 'open' || alarm.escalatedAt) return false
  return now.getTime() - alarm.firstAt.getTime() >= ALARM_ESCALATION_MS[alarmPriority(alarm.type)]
}
