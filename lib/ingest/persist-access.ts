// An access event (door opened or refused) → AccessEvent row, resident resolved from the vendor user id or the
// device's credential slot; a granted opening during a live call ends that call as door_opened.
import { toAccessEventItem } from '@/lib/access/access-item'
import { callSignalForAccess } from '@/lib/calls/call-matching'
import { addRef, type IngestContext } from '@/lib/ingest/ingest-context'
import type { NormalisedItem } from '@/lib/ingest/normalised'
import { persistCallSignal } from '@/lib/ingest/persist-call'
import { createPendingSnapshot } from '@/lib/snapshots/create-snapshot'

type AccessItem = Extract<NormalisedItem, { kind: 'access' }>

async function resolveResident(ctx: IngestContext, item: AccessItem) {
  if (item.externalUserId) {
    const byPerson = await ctx.tx.resident.findUnique({ where: { externalId: item.externalUserId }, select: { id: true, name: true } })
    if (byPerson) return byPerson
  }
  if (item.credentialSlot && ctx.device) {
    const slot = await ctx.tx.credentialSlot.findUnique({
      where: { deviceId_method_slot: { deviceId: ctx.device.id, method: item.method, slot: item.credentialSlot } },
      select: { resident: { select: { id: true, name: true } } },
    })
    if (slot) return slot.resident
  }
  return null
}

export async function persistAccess(ctx: IngestContext, item: AccessItem, deviceTuyaId: string): Promise<void> {
  const resident = await resolveResident(ctx, item)
  const snapshotId = item.snapshot ? await createPendingSnapshot(ctx.tx, item.snapshot, deviceTuyaId) : null
  if (snapshotId) ctx.snapshotIds.push(snapshotId)
  const row = await ctx.tx.accessEvent.create({
    data: {
      messageId: ctx.messageId,
      deviceId: ctx.device?.id ?? null,
      deviceTuyaId,
      occurredAt: item.occurredAt,
      receivedAt: ctx.receivedAt,
      method: item.method,
      result: item.result,
      residentId: resident?.id ?? null,
      residentName: resident?.name ?? item.externalUserName ?? null,
      externalUserId: item.externalUserId ?? null,
      credentialSlot: item.credentialSlot ?? null,
      sourceCode: item.sourceCode.slice(0, 120),
      snapshotId,
      backfilled: ctx.backfilled,
    },
  })
  ctx.live.push({
    event: 'access.created',
    payload: toAccessEventItem({ ...row, device: ctx.device, snapshot: null }),
  })
  addRef(ctx, { kind: 'access', id: row.id })

  const callSignal = callSignalForAccess(item)
  if (callSignal && ctx.device) {
    await persistCallSignal(ctx, { signal: callSignal, at: item.occurredAt, sourceCode: item.sourceCode }, { openOnly: true })
  }
}
