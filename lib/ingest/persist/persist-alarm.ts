// An alarm → one open alarm per (device, type): repeats fold into it with a count.
import { alarmInclude, toAlarmItem } from '@/lib/alarms/alarm-item'
import { alarmFoldKey, alarmPriority } from '@/lib/alarms/alarm-policy'
import type { AlarmType } from '@/lib/domain/enums'
import { addRef, type IngestContext } from '@/lib/ingest/persist/ingest-context'
import type { SnapshotRef } from '@/lib/ingest/normalise/normalised'
import { createPendingSnapshot } from '@/lib/snapshots/create-snapshot'

export type AlarmRecord = { type: AlarmType; at: Date; detail: string; snapshot?: SnapshotRef }

export async function persistAlarm(ctx: IngestContext, record: AlarmRecord): Promise<void> {
  const openKey = alarmFoldKey(ctx.device?.id ?? null, record.type)
  const existing = await ctx.tx.alarm.findUnique({ where: { openKey } })
  const snapshotId =
    record.snapshot && !existing?.snapshotId
      ? await createPendingSnapshot(ctx.tx, record.snapshot, ctx.device?.tuyaId ?? null)
      : undefined
  if (snapshotId) ctx.snapshotIds.push(snapshotId)
  if (existing) {
    const row = await ctx.tx.alarm.update({
      where: { id: existing.id },
      data: {
        count: { increment: 1 },
        lastAt: record.at > existing.lastAt ? record.at : existing.lastAt,
        firstAt: record.at < existing.firstAt ? record.at : existing.firstAt,
        detail: record.detail,
        ...(snapshotId ? { snapshotId } : {}),
      },
      include: alarmInclude,
    })
    ctx.live.push({ event: 'alarm.updated', payload: toAlarmItem(row) })
    addRef(ctx, { kind: 'alarm', id: row.id })
    return
  }
  const row = await ctx.tx.alarm.create({
    data: {
      deviceId: ctx.device?.id ?? null,
      type: record.type,
      priority: alarmPriority(record.type),
      openKey,
      detail: record.detail,
      firstAt: record.at,
      lastAt: record.at,
      snapshotId: snapshotId ?? null,
      backfilled: ctx.backfilled,
    },
    include: alarmInclude,
  })
  ctx.live.push({ event: 'alarm.created', payload: toAlarmItem(row) })
  addRef(ctx, { kind: 'alarm', id: row.id })
}

/** The device is back: its open device_offline alarm resolves itself (with a note saying so). */
export async function resolveOfflineAlarm(ctx: IngestContext, at: Date): Promise<void> {
  if (!ctx.device) return
  const openKey = alarmFoldKey(ctx.device.id, 'device_offline')
  const existing = await ctx.tx.alarm.findUnique({ where: { openKey } })
  if (!existing) return
  const row = await ctx.tx.alarm.update({
    where: { id: existing.id },
    data: { state: 'resolved', openKey: null, resolvedAt: at },
    include: alarmInclude,
  })
  await ctx.tx.alarmNote.create({ data: { alarmId: row.id, kind: 'resolve', body: 'Device back online' } })
  ctx.live.push({ event: 'alarm.updated', payload: toAlarmItem(row) })
  addRef(ctx, { kind: 'alarm', id: row.id })
}
