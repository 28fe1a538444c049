// Stored access event → its wire item: the one mapping from columns to what REST, the live stream and the CSV
// export show. The include is the one every reader of an item uses; a new column is read without an edit here.
import type { AccessEventItem } from '@/lib/access/schema'
import type { DbModel, DbRow } from '@/lib/db/client'
import { ACCESS_METHODS, ACCESS_RESULTS, storedValue } from '@/lib/domain/enums'
import { snapshotInclude, snapshotUrlOf, type SnapshotLink } from '@/lib/snapshots/snapshot-url'

export const accessEventInclude = {
  device: { select: { name: true } },
  snapshot: snapshotInclude,
} as const satisfies DbModel.AccessEventInclude

/** Columns kept for traceability that no item shows: bulk readers leave them out (the CSV export reads millions). */
export const accessEventOmit = {
  messageId: true,
  deviceTuyaId: true,
  externalUserId: true,
  credentialSlot: true,
  sourceCode: true,
} as const satisfies DbModel.AccessEventOmit

/** A stored access event (read with accessEventInclude, or the row ingest is about to insert). */
export type AccessEventRow = Omit<DbRow<DbModel.AccessEventModel>, keyof typeof accessEventOmit> & {
  device?: { name: string } | null
  snapshot?: SnapshotLink | null
}

export function toAccessEventItem(row: AccessEventRow): AccessEventItem {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    deviceId: row.deviceId ?? null,
    deviceName: row.device?.name ?? null,
    method: storedValue(ACCESS_METHODS, row.method, 'AccessEvent.method'),
    result: storedValue(ACCESS_RESULTS, row.result, 'AccessEvent.result'),
    residentId: row.residentId ?? null,
    residentName: row.residentName ?? null,
    snapshotUrl: snapshotUrlOf(row.snapshot),
    backfilled: row.backfilled,
  }
}
