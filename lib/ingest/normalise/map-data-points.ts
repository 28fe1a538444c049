// All data points of one report → items, with picture DPs attached to the events they illustrate. Door
// stations report the ring and its snapshot as separate DPs (136 `doorbell` + 154 `doorbell_pic`,
// docs/tuya-devices.md §1.3), often in the same report; the snapshot belongs to the ring, not to a row of its own.
import { SNAPSHOT_CODES } from './data-point-codes'
import { mapDataPoint, type DataPoint } from './map-data-point'
import type { NormalisedItem, SnapshotRef } from './normalised'
import { parseSnapshotRef } from './snapshot-ref'

export function mapDataPoints(points: readonly DataPoint[]): NormalisedItem[] {
  const pictures: { point: DataPoint; ref: SnapshotRef | null }[] = []
  const items: NormalisedItem[] = []
  for (const point of points) {
    if (SNAPSHOT_CODES.has(point.code)) pictures.push({ point, ref: parseSnapshotRef(point.value) })
    else items.push(...mapDataPoint(point))
  }

  const snapshot = pictures.find((p) => p.ref !== null)?.ref ?? undefined
  const hasEvent = items.some(isEventItem)
  const attached = snapshot && hasEvent ? items.map((item) => withSnapshot(item, snapshot)) : items

  for (const { point, ref } of pictures) {
    if (ref === null) {
      attached.push({
        kind: 'unknown',
        occurredAt: point.occurredAt,
        code: point.code,
        value: point.value,
        reason: 'picture data point value not understood',
        raw: point.raw,
      })
    } else if (!hasEvent) {
      attached.push(standalonePicture(point, ref))
    }
  }
  return attached
}

/**
 * A picture with no event beside it. `doorbell_pic` is itself the doorbell press on IPC door stations (Home
 * Assistant exposes it as the doorbell event, §1.3), so it rings; the call machine folds a second ring into the
 * ringing call. Motion and alarm-message pictures are kept as device properties, not raised as alarms: an IPC
 * sends them for every motion, which would bury the alarm panel.
 */
function standalonePicture(point: DataPoint, ref: SnapshotRef): NormalisedItem {
  const { code, occurredAt, raw } = point
  if (code === 'doorbell_pic') return { kind: 'call', occurredAt, signal: 'ring', snapshot: ref, sourceCode: code, raw }
  return { kind: 'device', occurredAt, change: 'property', code, value: ref, sourceCode: code, raw }
}

function isEventItem(item: NormalisedItem): boolean {
  return item.kind === 'access' || item.kind === 'call' || item.kind === 'alarm'
}

function withSnapshot(item: NormalisedItem, snapshot: SnapshotRef): NormalisedItem {
  if (item.kind === 'access' || item.kind === 'call' || item.kind === 'alarm') {
    return item.snapshot ? item : { ...item, snapshot }
  }
  return item
}
