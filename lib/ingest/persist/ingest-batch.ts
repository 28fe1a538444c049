// Persists a batch of prepared inbound messages in ONE transaction (group commit). Messages are applied in
// arrival order, exactly as if each had its own transaction: a message already stored (or repeated within the
// batch) is a duplicate; everything else gets its InboundMessage row, its domain rows and its live events.
import type { Db, Tx } from '@/lib/db/client'
import {
  insertAccessEvents,
  insertInbound,
  insertLiveEvents,
  insertSnapshots,
  selectBatchState,
  selectSlots,
} from '@/lib/ingest/persist/batch-sql'
import {
  newRowId,
  slotKey,
  type BatchContext,
  type CachedResident,
  type IngestContext,
  type IngestedRef,
} from '@/lib/ingest/persist/ingest-context'
import type { NormalisedMessage } from '@/lib/ingest/normalise/normalised'
import { persistAccess } from '@/lib/ingest/persist/persist-access'
import { persistAlarm } from '@/lib/ingest/persist/persist-alarm'
import { persistCallSignal } from '@/lib/ingest/persist/persist-call'
import { ensureDevice, persistDeviceChange } from '@/lib/ingest/persist/persist-device'
import type { PendingLiveEvent, StoredLiveEvent } from '@/lib/realtime/publish'

export type IngestSource = 'webhook' | 'mq' | 'backfill'
export type IngestOutcome = 'processed' | 'partial' | 'unrecognised'

export type PreparedMessage = {
  source: IngestSource
  raw: string
  receivedAt: Date
  normalised: NormalisedMessage
  sourceMessageId: string
  /** Retries after losing a unique-key race to another writer. */
  attempt?: number
}

export type BatchItemResult =
  | { duplicate: true; id: string; outcome: IngestOutcome }
  | {
      duplicate: false
      id: string
      outcome: IngestOutcome
      reason?: string
      refs: IngestedRef[]
      live: StoredLiveEvent[]
      snapshotIds: string[]
    }

const MAX_PAYLOAD_CHARS = 512 * 1024

function outcomeOf(normalised: NormalisedMessage): { outcome: IngestOutcome; reason: string | null } {
  const unknown = normalised.items.flatMap((i) => (i.kind === 'unknown' ? [`${i.code}: ${i.reason}`] : []))
  // unrecognised: the shape itself was not understood; partial: understood, but some codes are kept raw only.
  if (normalised.unrecognisedReason) return { outcome: 'unrecognised', reason: normalised.unrecognisedReason }
  if (unknown.length) return { outcome: 'partial', reason: unknown.join('; ').slice(0, 1000) }
  return { outcome: 'processed', reason: null }
}

/** One round trip for what the batch needs to know (plus credential slots when a lock reported one). */
async function prefetch(tx: Tx, messages: PreparedMessage[]) {
  const tuyaIds = [...new Set(messages.flatMap((m) => (m.normalised.deviceId ? [m.normalised.deviceId] : [])))]
  const externalIds = [
    ...new Set(
      messages.flatMap((m) =>
        m.normalised.items.flatMap((i) =>
          (i.kind === 'access' || i.kind === 'call') && i.externalUserId ? [i.externalUserId] : [],
        ),
      ),
    ),
  ]
  const state = await selectBatchState(tx, {
    sourceIds: [...new Set(messages.map((m) => m.sourceMessageId))],
    tuyaIds,
    externalIds,
  })
  const slotted = messages.some((m) => m.normalised.items.some((i) => i.kind === 'access' && i.credentialSlot))
  const slots = slotted
    ? await selectSlots(
        tx,
        state.devices.map((d) => d.id),
      )
    : []
  const residentsByExternalId = new Map(externalIds.map((id) => [id, null] as [string, CachedResident | null]))
  for (const r of state.residents) residentsByExternalId.set(r.externalId, { id: r.id, name: r.name })
  const batch: BatchContext = {
    tx,
    devices: new Map(state.devices.map((d) => [d.tuyaId, d])),
    residentsByExternalId,
    // Only complete for devices known at batch start; persist-access looks up the rest.
    slots: new Map(slots.map((s) => [slotKey(s.deviceId, s.method, s.slot), { id: s.id, name: s.name }])),
    liveCallDevices: new Set(state.liveCallDevices),
    rows: { inbound: [], snapshots: [], access: [] },
  }
  return { batch, stored: state.stored }
}

async function persistOne(batch: BatchContext, message: PreparedMessage) {
  const { normalised } = message
  const { outcome, reason } = outcomeOf(normalised)
  const id = newRowId()
  batch.rows.inbound.push({
    id,
    source: message.source,
    sourceMessageId: message.sourceMessageId,
    shape: normalised.shape,
    deviceTuyaId: normalised.deviceId,
    payload: message.raw.slice(0, MAX_PAYLOAD_CHARS),
    receivedAt: message.receivedAt,
    outcome,
    reason,
  })
  const ctx: IngestContext = {
    tx: batch.tx,
    batch,
    messageId: id,
    receivedAt: message.receivedAt,
    backfilled: message.source === 'backfill',
    device: normalised.deviceId ? await ensureDevice(batch, normalised.deviceId, message.receivedAt) : null,
    live: [],
    refs: [],
    snapshotIds: [],
  }
  for (const item of normalised.items) {
    if (item.kind === 'access') await persistAccess(ctx, item, normalised.deviceId ?? 'unknown')
    else if (item.kind === 'call')
      await persistCallSignal(ctx, {
        signal: item.signal,
        at: item.occurredAt,
        callRef: item.callRef,
        externalUserId: item.externalUserId,
        snapshot: item.snapshot,
        sourceCode: item.sourceCode,
      })
    else if (item.kind === 'alarm')
      await persistAlarm(ctx, { type: item.type, at: item.occurredAt, detail: item.detail, snapshot: item.snapshot })
    else if (item.kind === 'device') await persistDeviceChange(ctx, item)
  }
  return { id, outcome, reason: reason ?? undefined, refs: ctx.refs, live: ctx.live, snapshotIds: ctx.snapshotIds }
}

/** Bulk inserts in foreign-key order, then the live-event outbox, whose autoincrement gives each event its seq. */
async function flush(batch: BatchContext, live: PendingLiveEvent[]): Promise<StoredLiveEvent[]> {
  const { tx, rows } = batch
  const now = new Date()
  await insertInbound(tx, rows.inbound)
  await insertSnapshots(
    tx,
    rows.snapshots.map((s) => ({ ...s, state: 'pending', attempts: 0, createdAt: now })),
  )
  await insertAccessEvents(tx, rows.access)
  const seqs = await insertLiveEvents(
    tx,
    live.map((e) => ({ event: e.event, payload: JSON.stringify(e.payload) })),
    now,
  )
  return live.map((e, i) => ({ ...e, seq: seqs[i] }) as StoredLiveEvent)
}

export async function persistBatch(db: Db, messages: PreparedMessage[]): Promise<BatchItemResult[]> {
  return db.$transaction(
    async (tx) => {
      const { batch, stored } = await prefetch(tx, messages)
      const seen = new Map(stored.map((s) => [s.sourceMessageId, { id: s.id, outcome: s.outcome as IngestOutcome }]))
      const results: (
        | BatchItemResult
        | { pendingLive: PendingLiveEvent[]; base: Omit<Extract<BatchItemResult, { duplicate: false }>, 'live'> }
      )[] = []
      for (const message of messages) {
        const previous = seen.get(message.sourceMessageId)
        if (previous) {
          results.push({ duplicate: true, ...previous })
          continue
        }
        const { live, ...base } = await persistOne(batch, message)
        seen.set(message.sourceMessageId, { id: base.id, outcome: base.outcome })
        results.push({ pendingLive: live, base: { duplicate: false, ...base } })
      }
      const allLive = results.flatMap((r) => ('pendingLive' in r ? r.pendingLive : []))
      const storedLive = await flush(batch, allLive)
      let offset = 0
      return results.map((r) => {
        if (!('pendingLive' in r)) return r
        const live = storedLive.slice(offset, offset + r.pendingLive.length)
        offset += r.pendingLive.length
        return { ...r.base, live }
      })
    },
    { timeout: 60_000, maxWait: 30_000 },
  )
}
