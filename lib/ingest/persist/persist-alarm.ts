// An alarm → one open alarm per (device, type): repeats fold into it with a count. Raising and clearing are
// shared with the periodic device sync (lib/alarms/raise-alarm.ts), so both sources fold into the same alarm.
import { toAlarmItem } from '@/lib/alarms/alarm-item'
import { clearAlarm, raiseAlarm } from '@/lib/alarms/raise-alarm'
import type { AlarmType } from '@/lib/domain/enums'
import { addRef, type IngestContext } from '@/lib/ingest/persist/ingest-context'
import type { SnapshotRef } from '@/lib/ingest/normalise/normalised'
import { createPendingSnapshot } from '@/lib/snapshots/create-snapshot'

export type AlarmRecord = { type: AlarmType; at: Date; detail: string; snapshot?: SnapshotRef }

export async function persistAlarm(ctx: IngestContext, record: AlarmRecord): Promise<void> {
  const snapshot = record.snapshot
  const { row, created } = await raiseAlarm(ctx.tx, {
    deviceId: ctx.device?.id ?? null,
    type: record.type,
    at: record.at,
    detail: record.detail,
    backfilled: ctx.backfilled,
    snapshotId: snapshot
      ? async (existing) => {
          if (existing?.snapshotId) return undefined
          const id = await createPendingSnapshot(ctx.tx, snapshot, ctx.device?.tuyaId ?? null)
          ctx.snapshotIds.push(id)
          return id
        }
      : undefined,
  })
  ctx.live.push({ event: created ? 'alarm.created' : 'alarm.updated', payload: toAlarmItem(row) })
  addRef(ctx, { kind: 'alarm', id: row.id })
}

/** The device is back: its open device_offline alarm resolves itself (with a note saying so). */
export async function resolveOfflineAlarm(ctx: IngestContext, at: Date): Promise<void> {
  if (!ctx.device) return
  const row = await clearAlarm(ctx.tx, {
    deviceId: ctx.device.id,
    type: 'device_offline',
    at,
    note: 'Device back online',
  })
  if (!row) return
  ctx.live.push({ event: 'alarm.updated', payload: toAlarmItem(row) })
  addRef(ctx, { kind: 'alarm', id: row.id })
}
