import type { CallItem } from '@/lib/realtime/events'
import { snapshotUrlOf } from '@/lib/snapshots/snapshot-url'

export type CallRow = {
  id: string
  deviceId: string
  state: string
  startedAt: Date
  endedAt: Date | null
  answeredByName: string | null
  backfilled: boolean
  device?: { name: string } | null
  snapshot?: { id: string; state: string } | null
}

export function toCallItem(row: CallRow): CallItem {
  return {
    id: row.id,
    deviceId: row.deviceId,
    deviceName: row.device?.name ?? null,
    state: row.state,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    answeredBy: row.answeredByName,
    snapshotUrl: snapshotUrlOf(row.snapshot),
    backfilled: row.backfilled,
  }
}
