// State of one group-commit batch (many inbound messages, one transaction) and of each message inside it.
// Look-ups the hot path needs (devices, residents, slots, live calls) are fetched once per batch, and the rows
// every access event writes are inserted in bulk at the end: one commit and a handful of queries per batch
// instead of one commit and ~9 queries per message.
import { randomBytes } from 'node:crypto'
import type { Tx } from '@/lib/db/client'
import type { AccessRow, InboundRow } from '@/lib/ingest/persist/batch-tables'
import type { PendingLiveEvent } from '@/lib/realtime/publish'

export type IngestedRef = { kind: 'access' | 'call' | 'alarm' | 'device'; id: string }
export type CachedDevice = { id: string; tuyaId: string; name: string; lastSeenAt: Date | null }
export type CachedResident = { id: string; name: string }

export type BatchContext = {
  tx: Tx
  devices: Map<string, CachedDevice>
  residentsByExternalId: Map<string, CachedResident | null>
  /** key `${deviceId}|${method}|${slot}` */
  slots: Map<string, CachedResident | null>
  /** Devices that have a ringing or answered call: only there can an opening end a call. */
  liveCallDevices: Set<string>
  rows: { inbound: InboundRow[]; snapshots: { id: string; source: string }[]; access: AccessRow[] }
}

export type IngestContext = {
  tx: Tx
  batch: BatchContext
  messageId: string
  receivedAt: Date
  backfilled: boolean
  device: { id: string; tuyaId: string; name: string } | null
  live: PendingLiveEvent[]
  refs: IngestedRef[]
  snapshotIds: string[]
}

export function addRef(ctx: IngestContext, ref: IngestedRef): void {
  if (!ctx.refs.some((r) => r.kind === ref.kind && r.id === ref.id)) ctx.refs.push(ref)
}

/** Ids for rows written in bulk: time-ordered prefix (like cuid) + 64 random bits. */
export function newRowId(): string {
  return `c${Date.now().toString(36)}${randomBytes(8).toString('hex')}`
}

export const slotKey = (deviceId: string, method: string, slot: string) => `${deviceId}|${method}|${slot}`

/**
 * The resident a device's person id names (Resident.externalId, the id every door knows them by): from the batch's
 * prefetch, else read once and remembered for the batch. Null for an id nobody in the register has.
 */
export async function residentByExternalId(ctx: IngestContext, externalId: string): Promise<CachedResident | null> {
  const known = ctx.batch.residentsByExternalId
  if (!known.has(externalId)) {
    const found = await ctx.tx.resident.findUnique({ where: { externalId }, select: { id: true, name: true } })
    known.set(externalId, found)
  }
  return known.get(externalId) ?? null
}
