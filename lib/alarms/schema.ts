// The alarm as REST and the live stream show it, and what an operator may send to handle one.
import { z } from 'zod'
import { because } from '@/lib/http/field-issues'
import { alarmPrioritySchema, alarmStateSchema, alarmTypeSchema, roleSchema } from '@/lib/domain/enums'
import { ALARM_STATE_FILTERS, MAX_ESCALATION_MINUTES } from '@/lib/domain/vocabularies'
import { limitSchema } from '@/lib/http/cursor'
import { isoTimeOrNull, isoTimeSchema, pageSchema } from '@/lib/http/page'

export const alarmItemSchema = z.object({
  id: z.string(),
  type: alarmTypeSchema,
  priority: alarmPrioritySchema,
  state: alarmStateSchema,
  /** How many identical alarms folded into this one. */
  count: z.number().int(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  detail: z.string().nullable(),
  firstAt: isoTimeSchema,
  lastAt: isoTimeSchema,
  assignee: z.string().nullable(),
  acknowledgedAt: isoTimeOrNull,
  resolvedAt: isoTimeOrNull,
  /** Set when nobody acknowledged the alarm in time (lib/alarms/escalate-alarms.ts). */
  escalatedAt: isoTimeOrNull,
  snapshotUrl: z.string().nullable(),
  backfilled: z.boolean(),
})
export type AlarmItem = z.infer<typeof alarmItemSchema>
export const alarmPageSchema = pageSchema(alarmItemSchema)

export const ALARM_ACTIONS = ['acknowledge', 'assign', 'comment', 'resolve'] as const
export type AlarmAction = (typeof ALARM_ACTIONS)[number]

export const alarmActionSchema = z.object({
  /** Blank is no note (a required note cannot be satisfied with spaces). */
  note: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((note) => note || undefined),
  /** assign: the user to assign (default: the caller). */
  userId: z.string().min(1).optional(),
})
export type AlarmActionInput = z.input<typeof alarmActionSchema>

const queryTime = (name: string) =>
  z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), {
      message: `${name}: an ISO-8601 time`,
      params: because('invalid_date'),
    })
    .transform((v) => new Date(v))

/** `unresolved` = open or acknowledged: what the console's panel shows. */
export const ALARM_SORTS = ['priority', 'recent'] as const
export type AlarmSort = (typeof ALARM_SORTS)[number]

export const alarmQuerySchema = z.object({
  limit: limitSchema,
  cursor: z.string().optional(),
  state: z.enum(ALARM_STATE_FILTERS).optional(),
  priority: alarmPrioritySchema.optional(),
  type: alarmTypeSchema.optional(),
  deviceId: z.string().min(1).optional(),
  /** Alarms whose last occurrence is at or after `from` and before `to`. */
  from: queryTime('from').optional(),
  to: queryTime('to').optional(),
  /**
   * `priority`: most urgent first, then longest waiting (the default for unresolved alarms); `recent`: latest
   * occurrence first (the default for resolved alarms and all states: the history).
   */
  sort: z.enum(ALARM_SORTS).optional(),
})
export type AlarmQuery = z.infer<typeof alarmQuerySchema>

/** The default order of a query: control-room order for alarms still to handle, newest first for history. */
export function alarmSortOf(query: Pick<AlarmQuery, 'state' | 'sort'>): AlarmSort {
  if (query.sort) return query.sort
  return query.state && query.state !== 'resolved' ? 'priority' : 'recent'
}

/** What happened to an alarm, one line per action (AlarmNote rows): who, when, what kind, what they wrote. */
export const ALARM_NOTE_KINDS = ['comment', 'acknowledge', 'assign', 'resolve', 'escalate', 'repeat'] as const
export const alarmNoteItemSchema = z.object({
  id: z.string(),
  kind: z.enum(ALARM_NOTE_KINDS),
  body: z.string().nullable(),
  /** The operator's name; null for the system (escalation, a device coming back online). */
  by: z.string().nullable(),
  /** For an assignment: who it went to (null on other kinds, and on assignments recorded before it was kept). */
  to: z.string().nullable(),
  at: isoTimeSchema,
})
export type AlarmNoteItem = z.infer<typeof alarmNoteItemSchema>

/** GET /api/alarms/{id}: the alarm and its whole history, oldest first. */
export const alarmDetailSchema = z.object({ alarm: alarmItemSchema, notes: z.array(alarmNoteItemSchema) })
export type AlarmDetail = z.infer<typeof alarmDetailSchema>

/** Someone an alarm may be assigned to: an active operator whose role handles alarms. */
export const alarmAssigneeSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema })
export type AlarmAssignee = z.infer<typeof alarmAssigneeSchema>
export const alarmAssigneePageSchema = pageSchema(alarmAssigneeSchema)

/** Escalation times are whole or fractional minutes: more than zero, at most a week. */
const escalationMinutes = (priority: string) =>
  z
    .number({ error: `${priority}: minutes, a number` })
    .positive(`${priority}: more than 0 minutes`)
    .max(MAX_ESCALATION_MINUTES, `${priority}: at most ${MAX_ESCALATION_MINUTES} minutes (a week)`)

/** Minutes an alarm of each priority may stay unacknowledged before it escalates (GET/PUT /api/settings/escalation). */
export const escalationSettingsSchema = z.object({
  critical: escalationMinutes('critical'),
  high: escalationMinutes('high'),
  medium: escalationMinutes('medium'),
  low: escalationMinutes('low'),
})
export type EscalationSettings = z.infer<typeof escalationSettingsSchema>

export { ALARM_STATE_FILTERS, MAX_ESCALATION_MINUTES }
