// Stored access event → its wire item. The include is the one every reader of an item uses.
import type { AccessEventItem } from '@/lib/access/schema'
import type { DbModel } from '@/lib/db/client'
import { ACCESS_METHODS, ACCESS_RESULTS, storedValue } from '@/lib/domain/enums'
import { snapshotInclude, snapshotUrlOf, type SnapshotLink } from '@/lib/snapshots/snapshot-url'

export const accessEventInclude = {
  device: { select: { name: true } },
  snapshot: snapshotInclude,
} as const satisfies DbModel.AccessEventInclude

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
  snapshot?: SnapshotLink | null
}

export function toAccessEventItem(row: AccessEventRow): AccessEventItem {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    deviceId: row.deviceId,
    deviceName: row.device?.name ?? null,
    method: storedValue(ACCESS_METHODS, row.method, 'AccessEvent.method'),
    result: storedValue(ACCESS_RESULTS, row.result, 'AccessEvent.result'),
    residentId: row.residentId,
    residentName: row.residentName,
    snapshotUrl: snapshotUrlOf(row.snapshot),
    backfilled: row.backfilled,
  }
}
