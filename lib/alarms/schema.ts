// The alarm as REST and the live stream show it, and what an operator may send to handle one.
import { z } from 'zod'
import { alarmPrioritySchema, alarmStateSchema, alarmTypeSchema } from '@/lib/domain/enums'
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
  note: z.string().trim().max(2000).optional(),
  /** assign: the user to assign (default: the caller). */
  userId: z.string().min(1).optional(),
})
export type AlarmActionInput = z.input<typeof alarmActionSchema>
