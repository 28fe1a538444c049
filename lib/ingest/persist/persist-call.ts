// A call signal → the device's call, through the pure state machine (lib/calls/call-state-machine.ts).
// Devices that do not name their calls have one "current" call (lib/calls/call-matching.ts). A signal naming the
// caller the device recognised links the call to that resident, by person id only (the first one named stays).
import { callInclude, toCallItem } from '@/lib/calls/call-item'
import { startsNewCall } from '@/lib/calls/call-matching'
import {
  applyCallSignal,
  CALL_RING_TIMEOUT_MS,
  expireRingingCall,
  type CallSnapshot,
} from '@/lib/calls/call-state-machine'
import type { CallState } from '@/lib/domain/enums'
import { addRef, residentByExternalId, type IngestContext } from '@/lib/ingest/persist/ingest-context'
import type { CallSignal, SnapshotRef } from '@/lib/ingest/normalise/normalised'
import { createPendingSnapshot } from '@/lib/snapshots/create-snapshot'

export type CallSignalRecord = {
  signal: CallSignal
  at: Date
  callRef?: string
  /** The caller's person id as the device recognised them: links the call to that resident (first one named). */
  externalUserId?: string
  by?: { userId: string; name: string }
  snapshot?: SnapshotRef
  sourceCode: string
}

type CallRow = NonNullable<Awaited<ReturnType<IngestContext['tx']['call']['findFirst']>>>

export function callSnapshotOf(row: CallRow | null): CallSnapshot | null {
  if (!row) return null
  return {
    state: row.state as CallState,
    startedAt: row.startedAt,
    endedAt: row.endedAt ?? undefined,
    answeredBy: row.answeredById ?? undefined,
    lastSignalAt: row.lastSignalAt,
  }
}

async function findCurrentCall(ctx: IngestContext, deviceId: string, at: Date, callRef?: string) {
  if (!callRef) return ctx.tx.call.findFirst({ where: { deviceId }, orderBy: { startedAt: 'desc' } })
  const named = await ctx.tx.call.findUnique({ where: { deviceId_callRef: { deviceId, callRef } } })
  if (named) return named
  // A door station may report one ring twice: as a data point (no call id) and as a vendor call record.
  // A live unnamed call from the same moment is that call; it takes the vendor's id.
  const unnamed = await ctx.tx.call.findFirst({
    where: { deviceId, callRef: null, endedAt: null, state: { in: ['ringing', 'answered'] } },
    orderBy: { startedAt: 'desc' },
  })
  return unnamed && Math.abs(unnamed.startedAt.getTime() - at.getTime()) < CALL_RING_TIMEOUT_MS ? unnamed : null
}

/**
 * Applies one signal. `openOnly`: only act on a call that is still live (a door opening never starts a call).
 * Returns the call id when something changed.
 */
export async function persistCallSignal(
  ctx: IngestContext,
  record: CallSignalRecord,
  options: { openOnly?: boolean } = {},
): Promise<string | null> {
  const device = ctx.device
  if (!device) return null
  let current = await findCurrentCall(ctx, device.id, record.at, record.callRef)
  // A ringing call past its timeout is missed before anything else happens to it.
  const expired = current ? expireRingingCall(callSnapshotOf(current), record.at) : null
  if (current && expired?.changed && expired.next) {
    current = await writeCall(ctx, current, expired.next, 'missed', expired.transition?.from ?? 'ringing')
  }
  const input = { signal: record.signal, at: record.at, by: record.by?.userId, callRef: record.callRef }
  if (current && startsNewCall(callSnapshotOf(current), input)) current = null
  if (!current && options.openOnly) return null
  const result = applyCallSignal(callSnapshotOf(current), input)
  if (!result.changed || !result.next) return current ? completeCall(ctx, current, record) : null
  const row = await writeCall(ctx, current, result.next, record.signal, result.transition?.from ?? null, {
    callRef: record.callRef,
    answeredByName: record.by?.name,
    ...(await missingDetails(ctx, current, record)),
  })
  return row.id
}

/** What a signal tells of its call that the call does not hold yet: the capture and the recognised caller. */
async function missingDetails(ctx: IngestContext, current: CallRow | null, record: CallSignalRecord) {
  const snapshotId =
    record.snapshot && !current?.snapshotId
      ? await createPendingSnapshot(ctx.tx, record.snapshot, ctx.device!.tuyaId)
      : undefined
  if (snapshotId) ctx.snapshotIds.push(snapshotId)
  const caller =
    record.externalUserId && !current?.residentId ? await residentByExternalId(ctx, record.externalUserId) : null
  return { snapshotId, residentId: caller?.id }
}

/**
 * A signal that moves the call nowhere may still complete it: a station reports one ring twice, as a data point
 * (no call id, no picture) and as its call record (the id, the capture, the caller it recognised). Whatever the
 * call lacks is taken from the second, without a history entry.
 */
async function completeCall(ctx: IngestContext, current: CallRow, record: CallSignalRecord): Promise<string | null> {
  const details = await missingDetails(ctx, current, record)
  const data = {
    ...(record.callRef && !current.callRef ? { callRef: record.callRef } : {}),
    ...(details.snapshotId ? { snapshotId: details.snapshotId } : {}),
    ...(details.residentId ? { residentId: details.residentId } : {}),
  }
  if (Object.keys(data).length === 0) return null
  const row = await ctx.tx.call.update({ where: { id: current.id }, data, include: callInclude })
  ctx.live.push({ event: 'call.updated', payload: toCallItem(row) })
  addRef(ctx, { kind: 'call', id: row.id })
  return row.id
}

async function writeCall(
  ctx: IngestContext,
  current: CallRow | null,
  next: CallSnapshot,
  signal: CallSignal,
  from: CallState | null,
  extra: { callRef?: string; answeredByName?: string; snapshotId?: string; residentId?: string } = {},
) {
  const device = ctx.device!
  const data = {
    state: next.state,
    startedAt: next.startedAt,
    endedAt: next.endedAt ?? null,
    lastSignalAt: next.lastSignalAt,
    answeredAt: next.state === 'answered' && !current?.answeredAt ? next.lastSignalAt : (current?.answeredAt ?? null),
    answeredById: next.answeredBy ?? null,
    ...(extra.answeredByName ? { answeredByName: extra.answeredByName } : {}),
    ...(current && !current.callRef && extra.callRef ? { callRef: extra.callRef } : {}),
    ...(extra.snapshotId ? { snapshotId: extra.snapshotId } : {}),
    ...(extra.residentId ? { residentId: extra.residentId } : {}),
  }
  const row = current
    ? await ctx.tx.call.update({
        where: { id: current.id },
        data,
        include: callInclude,
      })
    : await ctx.tx.call.create({
        data: { ...data, deviceId: device.id, callRef: extra.callRef ?? null, backfilled: ctx.backfilled },
        include: callInclude,
      })
  await ctx.tx.callEvent.create({
    data: {
      callId: row.id,
      signal,
      fromState: from,
      toState: next.state,
      at: next.lastSignalAt,
      userId: next.answeredBy ?? null,
    },
  })
  ctx.live.push({ event: 'call.updated', payload: toCallItem(row) })
  addRef(ctx, { kind: 'call', id: row.id })
  if (!row.endedAt && (row.state === 'ringing' || row.state === 'answered')) ctx.batch.liveCallDevices.add(device.id)
  return row
}
