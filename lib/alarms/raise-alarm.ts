// The one way an alarm is raised or cleared by something other than an operator: ingest (a device message) and
// the periodic device sync (the cloud's device list) both come here, so a device reported offline by both is
// ONE alarm. Repeats fold into the unresolved alarm with the same fold key (`openKey`, unique while unresolved);
// clearing resolves it with a system note. Runs inside the caller's transaction; the caller broadcasts the row.
import { alarmInclude, type AlarmRow } from '@/lib/alarms/alarm-item'
import { alarmFoldKey, alarmPriority } from '@/lib/alarms/alarm-policy'
import type { Tx } from '@/lib/db/client'
import type { AlarmType } from '@/lib/domain/enums'

export type RaiseAlarmInput = {
  deviceId: string | null
  type: AlarmType
  at: Date
  detail: string
  /** Recovered after downtime: kept as history, never sounded or escalated. */
  backfilled?: boolean
  /** The picture for the alarm, created only when the alarm has none yet (called with the alarm it folds into). */
  snapshotId?: (existing: { snapshotId: string | null } | null) => Promise<string | undefined>
}

export type RaisedAlarm = { row: AlarmRow & { id: string }; created: boolean }

export async function raiseAlarm(tx: Tx, input: RaiseAlarmInput): Promise<RaisedAlarm> {
  const openKey = alarmFoldKey(input.deviceId, input.type)
  const existing = await tx.alarm.findUnique({ where: { openKey } })
  const snapshotId = input.snapshotId ? await input.snapshotId(existing) : undefined
  if (existing) {
    const row = await tx.alarm.update({
      where: { id: existing.id },
      data: {
        count: { increment: 1 },
        lastAt: input.at > existing.lastAt ? input.at : existing.lastAt,
        firstAt: input.at < existing.firstAt ? input.at : existing.firstAt,
        detail: input.detail,
        ...(snapshotId ? { snapshotId } : {}),
      },
      include: alarmInclude,
    })
    return { row, created: false }
  }
  const row = await tx.alarm.create({
    data: {
      deviceId: input.deviceId,
      type: input.type,
      priority: alarmPriority(input.type),
      openKey,
      detail: input.detail,
      firstAt: input.at,
      lastAt: input.at,
      snapshotId: snapshotId ?? null,
      backfilled: input.backfilled ?? false,
    },
    include: alarmInclude,
  })
  return { row, created: true }
}

/**
 * The condition is over (a device back online): its unresolved alarm of this type resolves itself, with a note
 * saying why. Null when there was none, so nothing is broadcast twice.
 */
export async function clearAlarm(
  tx: Tx,
  input: { deviceId: string; type: AlarmType; at: Date; note: string },
): Promise<(AlarmRow & { id: string }) | null> {
  const openKey = alarmFoldKey(input.deviceId, input.type)
  const existing = await tx.alarm.findUnique({ where: { openKey } })
  if (!existing) return null
  const row = await tx.alarm.update({
    where: { id: existing.id },
    data: { state: 'resolved', openKey: null, resolvedAt: input.at },
    include: alarmInclude,
  })
  await tx.alarmNote.create({ data: { alarmId: row.id, kind: 'resolve', body: input.note } })
  return row
}
