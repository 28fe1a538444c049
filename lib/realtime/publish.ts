// Broadcasting: events are first written to the LiveEvent outbox inside the ingest transaction (which
// gives them their `seq`), then emitted here after commit to the rooms of the roles allowed to see them.
import type { Db } from '@/lib/db/client'
import { EVENT_AUDIENCE, roleRoom, type LiveEventMap, type LiveEventName } from '@/lib/realtime/events'
import { getLiveServer } from '@/lib/realtime/io-registry'

export type PendingLiveEvent = { [K in LiveEventName]: { event: K; payload: LiveEventMap[K] } }[LiveEventName]
export type StoredLiveEvent = PendingLiveEvent & { seq: number }

type OutboxWriter = Pick<Db, 'liveEvent'>

/** Inside a transaction: append to the outbox and learn each event's seq. */
export async function appendLiveEvents(tx: OutboxWriter, events: PendingLiveEvent[]): Promise<StoredLiveEvent[]> {
  const stored: StoredLiveEvent[] = []
  for (const item of events) {
    const row = await tx.liveEvent.create({ data: { event: item.event, payload: JSON.stringify(item.payload) } })
    stored.push({ ...item, seq: row.seq } as StoredLiveEvent)
  }
  return stored
}

/** After commit: emit to every connected console allowed to see it. Returns false when no server runs. */
export function emitLiveEvents(events: StoredLiveEvent[]): boolean {
  const io = getLiveServer()
  if (!io) return false
  for (const item of events) {
    const rooms = EVENT_AUDIENCE[item.event].map(roleRoom)
    // Typed per event; the union cannot be narrowed through the emit overloads.
    ;(io.to(rooms) as unknown as { emit(e: string, p: unknown): void }).emit(item.event, {
      ...item.payload,
      seq: item.seq,
    })
  }
  return true
}

/** Write and broadcast in one step, for changes made outside the ingest transaction (operator actions). */
export async function publishLiveEvents(db: Db, events: PendingLiveEvent[]): Promise<StoredLiveEvent[]> {
  const stored = await appendLiveEvents(db, events)
  emitLiveEvents(stored)
  return stored
}
