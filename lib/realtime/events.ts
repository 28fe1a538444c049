// The typed live stream: event names, their payload schemas (the REST items plus `seq`), and the socket.io
// event maps derived from them. Shared by the server (socket.io) and the browser (socket.io-client).
import { z } from 'zod'
import { accessEventItemSchema } from '@/lib/access/schema'
import { alarmItemSchema } from '@/lib/alarms/schema'
import { callItemSchema } from '@/lib/calls/schema'
import { deviceItemSchema } from '@/lib/devices/schema'
import { residentItemSchema } from '@/lib/residents/schema'
import { syncItemSchema } from '@/lib/sync/schema'
import { can, rolesWith, type Permission } from '@/lib/auth/permissions'
import type { Role } from '@/lib/domain/enums'

/** Every server → console event and the item it carries. */
export const LIVE_EVENT_SCHEMAS = {
  'access.created': accessEventItemSchema,
  /** The same access event again, e.g. once its snapshot has been stored. */
  'access.updated': accessEventItemSchema,
  'call.updated': callItemSchema,
  'alarm.created': alarmItemSchema,
  'alarm.updated': alarmItemSchema,
  'device.updated': deviceItemSchema,
  /** A resident was created, edited, suspended, erased, or their sync counts moved (admins). */
  'resident.updated': residentItemSchema,
  /** One resident × device sync row changed state (admins). */
  'sync.updated': syncItemSchema,
} as const

export type LiveEventName = keyof typeof LIVE_EVENT_SCHEMAS
export type LiveEventMap = { [K in LiveEventName]: z.infer<(typeof LIVE_EVENT_SCHEMAS)[K]> }
export type WithSeq<T> = T & { seq: number }
export const LIVE_EVENT_NAMES = Object.keys(LIVE_EVENT_SCHEMAS) as LiveEventName[]

/** One event with its name, as a union the compiler can narrow. */
export type LiveEvent = { [K in LiveEventName]: { event: K; payload: LiveEventMap[K] } }[LiveEventName]

export const streamReadySchema = z.object({ seq: z.number(), replayed: z.number(), truncated: z.boolean() })

export type ServerToClientEvents = { [K in LiveEventName]: (payload: WithSeq<LiveEventMap[K]>) => void } & {
  'stream.ready': (info: z.infer<typeof streamReadySchema>) => void
}
export type ClientToServerEvents = Record<string, never>

/**
 * The permission each event needs: the one that reads the same items over REST. The rooms an event is sent to
 * and the catch-up filter both derive from it and the grant table.
 */
export const EVENT_PERMISSION: Record<LiveEventName, Permission> = {
  'access.created': 'access.read',
  'access.updated': 'access.read',
  'call.updated': 'calls.read',
  'alarm.created': 'alarms.read',
  'alarm.updated': 'alarms.read',
  'device.updated': 'devices.read',
  'resident.updated': 'sync.read',
  'sync.updated': 'sync.read',
}

/** The roles that receive an event. */
export function audienceOf(event: LiveEventName): Role[] {
  return rolesWith(EVENT_PERMISSION[event])
}

export function mayReceive(role: Role, event: LiveEventName): boolean {
  return can(role, EVENT_PERMISSION[event])
}

export const roleRoom = (role: Role) => `role:${role}`

/** An event as stored in the outbox and sent on the wire: its item plus the broadcast sequence number. */
export type SequencedLiveEvent = LiveEvent & { seq: number }

function parseAs<K extends LiveEventName>(event: K, schema: z.ZodType<LiveEventMap[K]>, raw: unknown) {
  const seq = z.object({ seq: z.number().int().min(0) }).safeParse(raw)
  const item = schema.safeParse(raw)
  return seq.success && item.success ? { event, payload: item.data, seq: seq.data.seq } : null
}

/** A payload as received (from the wire or the outbox), checked against its event's schema; null if it is not. */
export function parseLiveEvent(event: string, raw: unknown): SequencedLiveEvent | null {
  switch (event) {
    case 'access.created':
    case 'access.updated':
      return parseAs(event, accessEventItemSchema, raw)
    case 'call.updated':
      return parseAs(event, callItemSchema, raw)
    case 'alarm.created':
    case 'alarm.updated':
      return parseAs(event, alarmItemSchema, raw)
    case 'device.updated':
      return parseAs(event, deviceItemSchema, raw)
    case 'resident.updated':
      return parseAs(event, residentItemSchema, raw)
    case 'sync.updated':
      return parseAs(event, syncItemSchema, raw)
    default:
      return null
  }
}
