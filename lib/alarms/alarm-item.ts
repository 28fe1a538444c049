import type { AlarmItem } from '@/lib/realtime/events'
import { snapshotUrlOf } from '@/lib/snapshots/snapshot-url'

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
  snapshot?: { id: string; state: string } | null
}

export function toAlarmItem(row: AlarmRow): AlarmItem {
  return {
    id: row.id,
    type: row.type,
    priority: row.priority,
    state: row.state,
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
