// Stored alarm → its wire item. The include is the one every reader of an item uses.
import type { AlarmItem } from '@/lib/alarms/schema'
import type { DbModel } from '@/lib/db/client'
import { ALARM_PRIORITIES, ALARM_STATES, ALARM_TYPES, storedValue } from '@/lib/domain/enums'
import { snapshotInclude, snapshotUrlOf, type SnapshotLink } from '@/lib/snapshots/snapshot-url'

export const alarmInclude = {
  device: { select: { name: true } },
  assignee: { select: { name: true } },
  snapshot: snapshotInclude,
} as const satisfies DbModel.AlarmInclude

export type AlarmRow = {
  id: string
  type: string
  priority: string
  state: string
  count: number
  deviceId: string | null
  detail: string | null
  firstAt: Date
  lastAt: Date
  acknowledgedAt: Date | null
  resolvedAt: Date | null
  escalatedAt?: Date | null
  backfilled: boolean
  device?: { name: string } | null
  assignee?: { name: string } | null
  snapshot?: SnapshotLink | null
}

export function toAlarmItem(row: AlarmRow): AlarmItem {
  return {
    id: row.id,
    type: storedValue(ALARM_TYPES, row.type, 'Alarm.type'),
    priority: storedValue(ALARM_PRIORITIES, row.priority, 'Alarm.priority'),
    state: storedValue(ALARM_STATES, row.state, 'Alarm.state'),
    count: row.count,
    deviceId: row.deviceId,
    deviceName: row.device?.name ?? null,
    detail: row.detail,
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
    assignee: row.assignee?.name ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    snapshotUrl: snapshotUrlOf(row.snapshot),
    backfilled: row.backfilled,
  }
}
