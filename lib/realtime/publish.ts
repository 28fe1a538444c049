// Broadcasting: events are first written to the LiveEvent outbox inside the transaction that made the change
// (which gives them their `seq`), then emitted here after commit to the rooms of the roles holding the event's
// permission. Domain changes do both through lib/domain/run-change.ts; ingest through its group commit.
import type { BroadcastOperator } from 'socket.io'
import type { Db } from '@/lib/db/client'
import {
  audienceOf,
  roleRoom,
  type LiveEvent,
  type SequencedLiveEvent,
  type ServerToClientEvents,
} from '@/lib/realtime/events'
import { getLiveServer, type SocketData } from '@/lib/realtime/io-registry'

export type PendingLiveEvent = LiveEvent
export type StoredLiveEvent = SequencedLiveEvent

type OutboxWriter = Pick<Db, 'liveEvent'>
/** A socket or a room broadcast: anything that emits the typed live events. */
export type LiveEmitter = Pick<BroadcastOperator<ServerToClientEvents, SocketData>, 'emit'>

/** Inside a transaction: append to the outbox and learn each event's seq. */
export async function appendLiveEvents(tx: OutboxWriter, events: PendingLiveEvent[]): Promise<StoredLiveEvent[]> {
  const stored: StoredLiveEvent[] = []
  for (const item of events) {
    const row = await tx.liveEvent.create({ data: { event: item.event, payload: JSON.stringify(item.payload) } })
    stored.push({ ...item, seq: row.seq })
  }
  return stored
}

/** One event to one socket or room, typed per event (the compiler checks each payload against its name). */
export function emitLiveEvent(target: LiveEmitter, item: StoredLiveEvent): void {
  switch (item.event) {
    case 'access.created':
    case 'access.updated':
      target.emit(item.event, { ...item.payload, seq: item.seq })
      return
    case 'call.updated':
      target.emit(item.event, { ...item.payload, seq: item.seq })
      return
    case 'alarm.created':
    case 'alarm.updated':
      target.emit(item.event, { ...item.payload, seq: item.seq })
      return
    case 'device.updated':
      target.emit(item.event, { ...item.payload, seq: item.seq })
      return
    case 'resident.updated':
      target.emit(item.event, { ...item.payload, seq: item.seq })
      return
    case 'sync.updated':
      target.emit(item.event, { ...item.payload, seq: item.seq })
      return
    default:
      item satisfies never
  }
}

/** After commit: emit to every connected console allowed to see it. Returns false when no server runs. */
export function emitLiveEvents(events: StoredLiveEvent[]): boolean {
  const io = getLiveServer()
  if (!io) return false
  for (const item of events) emitLiveEvent(io.to(audienceOf(item.event).map(roleRoom)), item)
  return true
}
