// Stored call → its wire item. The include is the one every reader of an item uses.
import type { CallItem } from '@/lib/calls/schema'
import type { DbModel } from '@/lib/db/client'
import { CALL_STATES, DEVICE_CATEGORIES, storedValue } from '@/lib/domain/enums'
import { snapshotInclude, snapshotUrlOf, type SnapshotLink } from '@/lib/snapshots/snapshot-url'

export const callInclude = {
  device: { select: { name: true, location: true, category: true } },
  snapshot: snapshotInclude,
} as const satisfies DbModel.CallInclude

export type CallRow = {
  id: string
  deviceId: string
  state: string
  startedAt: Date
  endedAt: Date | null
  answeredByName: string | null
  backfilled: boolean
  seenAt: Date | null
  seenByName: string | null
  device?: { name: string; location: string | null; category: string } | null
  snapshot?: SnapshotLink | null
}

export function toCallItem(row: CallRow): CallItem {
  return {
    id: row.id,
    deviceId: row.deviceId,
    deviceName: row.device?.name ?? null,
    deviceLocation: row.device?.location ?? null,
    deviceCategory: row.device ? storedValue(DEVICE_CATEGORIES, row.device.category, 'Device.category') : null,
    state: storedValue(CALL_STATES, row.state, 'Call.state'),
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    answeredBy: row.answeredByName,
    snapshotUrl: snapshotUrlOf(row.snapshot),
    backfilled: row.backfilled,
    seenAt: row.seenAt?.toISOString() ?? null,
    seenBy: row.seenByName,
  }
}
