import type { AccessEventItem } from '@/lib/realtime/events'
import { snapshotUrlOf } from '@/lib/snapshots/snapshot-url'

export type AccessEventRow = {
  id: string
  occurredAt: Date
  receivedAt: Date
  deviceId: string | null
  method: string
  result: string
  residentId: string | null
  residentName: string | null
  backfilled: boolean
  device?: { name: string } | null
  snapshot?: { id: string; state: string } | null
}

export function toAccessEventItem(row: AccessEventRow): AccessEventItem {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    deviceId: row.deviceId,
    deviceName: row.device?.name ?? null,
    method: row.method,
    result: row.result,
    residentId: row.residentId,
    residentName: row.residentName,
    snapshotUrl: snapshotUrlOf(row.snapshot),
    backfilled: row.backfilled,
  }
}
