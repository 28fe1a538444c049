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

/** How urgent each priority is: a higher rank comes first in every list of unresolved alarms. */
export const PRIORITY_RANK: Readonly<Record<AlarmPriority, number>> = { critical: 3, high: 2, medium: 1, low: 0 }

/**
 * Control-room order for unresolved alarms: the most urgent priority first, then the one that has waited longest
 * (oldest first occurrence), then by id so equal alarms keep a stable place. The console panel and the API's
 * default order for unresolved alarms both use it.
 */
export function compareAlarms(
  a: { priority: AlarmPriority; firstAt: string | Date; id: string },
  b: { priority: AlarmPriority; firstAt: string | Date; id: string },
): number {
  const byPriority = PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority]
  if (byPriority !== 0) return byPriority
  const byAge = new Date(a.firstAt).getTime() - new Date(b.firstAt).getTime()
  if (byAge !== 0) return byAge
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Resolving a high or critical alarm needs a note saying what was found and done (the next shift reads it). */
export function resolveNeedsNote(priority: AlarmPriority): boolean {
  return PRIORITY_RANK[priority] >= PRIORITY_RANK.high
}

/** Per-priority escalation times in milliseconds. */
export type EscalationLimits = Readonly<Record<AlarmPriority, number>>

/**
 * Default time an alarm may stay unacknowledged before it escalates (to admins, louder), by priority. An admin
 * may change them (lib/settings/escalation.ts); these apply until then.
 */
export const ALARM_ESCALATION_MS: EscalationLimits = {
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
  /** The stored priority; the type's default when absent. */
  priority?: AlarmPriority
}

/** Open (unacknowledged), not escalated yet, and older than its priority allows. */
export function shouldEscalate(
  alarm: EscalationCandidate,
  now: Date,
  limits: EscalationLimits = ALARM_ESCALATION_MS,
): boolean {
  if (alarm.state !== 'open' || alarm.escalatedAt) return false
  return now.getTime() - alarm.firstAt.getTime() >= limits[alarm.priority ?? alarmPriority(alarm.type)]
}
