// Stored call → its wire item. The include is the one every reader of an item uses.
import type { CallItem } from '@/lib/calls/schema'
import type { DbModel } from '@/lib/db/client'
import { CALL_STATES, DEVICE_CATEGORIES, storedValue } from '@/lib/domain/enums'
import { snapshotInclude, snapshotUrlOf, type SnapshotLink } from '@/lib/snapshots/snapshot-url'

export const callInclude = {
  device: { select: { name: true, location: true, category: true } },
  snapshot: snapshotInclude,
  resident: {
    select: {
      id: true,
      name: true,
      unit: { select: { label: true } },
      // The current enrolled face photo (as the access detail view shows it), served by the signed-in photo route.
      credentials: {
        where: { kind: 'face', revokedAt: null, photo: { state: 'stored' } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { photo: snapshotInclude },
      },
    },
  },
} as const satisfies DbModel.CallInclude

type CallerRow = {
  id: string
  name: string
  unit: { label: string } | null
  credentials: { photo: SnapshotLink | null }[]
}

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
  resident?: CallerRow | null
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
    caller: row.resident
      ? {
          residentId: row.resident.id,
          name: row.resident.name,
          unit: row.resident.unit?.label ?? null,
          photoUrl: snapshotUrlOf(row.resident.credentials[0]?.photo),
        }
      : null,
  }
}
