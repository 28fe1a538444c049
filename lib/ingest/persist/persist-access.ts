// An access event (door opened or refused) → an AccessEvent row (written in bulk at the end of the batch), the
// resident resolved from the vendor user id or the device's credential slot; a granted opening during a live
// call ends that call as door_opened.
import { toAccessEventItem } from '@/lib/access/access-item'
import { callSignalForAccess } from '@/lib/calls/call-matching'
import type { AccessRow } from '@/lib/ingest/persist/batch-tables'
import {
  addRef,
  newRowId,
  residentByExternalId,
  slotKey,
  type IngestContext,
} from '@/lib/ingest/persist/ingest-context'
import type { NormalisedItem } from '@/lib/ingest/normalise/normalised'
import { persistCallSignal } from '@/lib/ingest/persist/persist-call'
import { snapshotSourceOf } from '@/lib/snapshots/create-snapshot'

type AccessItem = Extract<NormalisedItem, { kind: 'access' }>

async function resolveResident(ctx: IngestContext, item: AccessItem) {
  const { batch } = ctx
  if (item.externalUserId) {
    const byPerson = await residentByExternalId(ctx, item.externalUserId)
    if (byPerson) return byPerson
  }
  if (item.credentialSlot && ctx.device) {
    const key = slotKey(ctx.device.id, item.method, item.credentialSlot)
    if (!batch.slots.has(key)) {
      const slot = await ctx.tx.credentialSlot.findUnique({
        where: { deviceId_method_slot: { deviceId: ctx.device.id, method: item.method, slot: item.credentialSlot } },
        select: { resident: { select: { id: true, name: true } } },
      })
      batch.slots.set(key, slot?.resident ?? null)
    }
    return batch.slots.get(key) ?? null
  }
  return null
}

export async function persistAccess(ctx: IngestContext, item: AccessItem, deviceTuyaId: string): Promise<void> {
  const resident = await resolveResident(ctx, item)
  let snapshotId: string | null = null
  if (item.snapshot) {
    snapshotId = newRowId()
    ctx.batch.rows.snapshots.push({ id: snapshotId, source: snapshotSourceOf(item.snapshot, deviceTuyaId) })
    ctx.snapshotIds.push(snapshotId)
  }
  // The normaliser's fields named like AccessEvent columns (occurredAt, method, result, credentialSlot,
  // externalUserId, sourceCode, …) are stored as they are; this adds what only the batch knows.
  const { kind: _kind, raw: _raw, snapshot: _snapshot, externalUserName, ...reported } = item
  const row: AccessRow = {
    ...reported,
    id: newRowId(),
    messageId: ctx.messageId,
    deviceId: ctx.device?.id ?? null,
    deviceTuyaId,
    receivedAt: ctx.receivedAt,
    residentId: resident?.id ?? null,
    residentName: resident?.name ?? externalUserName ?? null,
    sourceCode: item.sourceCode.slice(0, 120),
    snapshotId,
    backfilled: ctx.backfilled,
  }
  ctx.batch.rows.access.push(row)
  ctx.live.push({ event: 'access.created', payload: toAccessEventItem({ ...row, device: ctx.device, snapshot: null }) })
  addRef(ctx, { kind: 'access', id: row.id })

  const callSignal = callSignalForAccess(item)
  if (callSignal && ctx.device && ctx.batch.liveCallDevices.has(ctx.device.id)) {
    await persistCallSignal(
      ctx,
      { signal: callSignal, at: item.occurredAt, sourceCode: item.sourceCode },
      { openOnly: true },
    )
  }
}
