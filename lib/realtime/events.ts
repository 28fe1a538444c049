// The typed live stream (INTERFACES.md "Live stream"): event names, who may receive each, payload shapes.
// Shared by the server (socket.io) and the browser (socket.io-client).
import type { Role } from '@/lib/domain/enums'

export type AccessEventItem = {
  id: string
  occurredAt: string
  receivedAt: string
  deviceId: string | null
  deviceName: string | null
  method: string
  result: string
  residentId: string | null
  residentName: string | null
  snapshotUrl: string | null
  backfilled: boolean
}

export type CallItem = {
  id: string
  deviceId: string
  deviceName: string | null
  state: string
  startedAt: string
  endedAt: string | null
  answeredBy: string | null
  snapshotUrl: string | null
  backfilled: boolean
}

export type AlarmItem = {
  id: string
  type: string
  priority: string
  state: string
  count: number
  deviceId: string | null
  deviceName: string | null
  detail: string | null
  firstAt: string
  lastAt: string
  assignee: string | null
  acknowledgedAt: string | null
  resolvedAt: string | null
  /** Set when nobody acknowledged the alarm in time (lib/alarms/escalate-alarms.ts). */
  escalatedAt: string | null
  snapshotUrl: string | null
  backfilled: boolean
}

export type DeviceItem = {
  id: string
  tuyaId: string
  name: string
  category: string
  location: string | null
  online: boolean
  lastSeenAt: string | null
  battery: number | null
}

export type LiveEventMap = {
  'access.created': AccessEventItem
  /** The same access event again, e.g. once its snapshot has been stored (an addition to INTERFACES' list). */
  'access.updated': AccessEventItem
  'call.updated': CallItem
  'alarm.created': AlarmItem
  'alarm.updated': AlarmItem
  'device.updated': DeviceItem
}
export type LiveEventName = keyof LiveEventMap
export type WithSeq<T> = T & { seq: number }

export type ServerToClientEvents = { [K in LiveEventName]: (payload: WithSeq<LiveEventMap[K]>) => void } & {
  'stream.ready': (info: { seq: number; replayed: number; truncated: boolean }) => void
}
export type ClientToServerEvents = Record<string, never>

/** Which roles receive each event; mirrors the REST role matrix. */
export const EVENT_AUDIENCE: Record<LiveEventName, readonly Role[]> = {
  'access.created': ['guard', 'admin', 'manager'],
  'access.updated': ['guard', 'admin', 'manager'],
  'call.updated': ['guard', 'admin'],
  'alarm.created': ['guard', 'admin', 'manager'],
  'alarm.updated': ['guard', 'admin', 'manager'],
  'device.updated': ['guard', 'admin'],
}

export const roleRoom = (role: Role) => `role:${role}`

export const LIVE_EVENT_NAMES = Object.keys(EVENT_AUDIENCE) as LiveEventName[]
