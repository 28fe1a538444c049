// One entry of an OpenAPI log page → the same NormalisedMessage the live path produces, so backfill after downtime
// goes through the one ingest function. The entry kinds and their fields: docs/tuya-devices.md §2.2
// open-logs, §2.3 records, §2.4 alarm-logs, §2.8 access-control-logs. Lock logs do not name the device (it is in
// the request path), so the caller passes it.
import { accessMethodSchema } from '@/lib/domain/enums'
import { resolveDeviceTime } from './device-time'
import type { DataPoint } from './map-data-point'
import { mapDataPoints } from './map-data-points'
import { unrecognisedMessage, type NormaliseContext } from './normalise-context'
import type { NormalisedItem, NormalisedMessage, SnapshotRef } from './normalised'
import { camelizeKeys, isRecord, readId, readOptional, type JsonRecord } from './payload-fields'
import { parseSnapshotRef } from './snapshot-ref'

export type OpenApiLogKind = 'lock_open_log' | 'lock_record' | 'lock_alarm_log' | 'access_control_log'

export function normaliseOpenApiLog(
  kind: OpenApiLogKind,
  entry: unknown,
  opts: { deviceId: string | null; receivedAt: Date },
): NormalisedMessage {
  const ctx: NormaliseContext = { receivedAt: opts.receivedAt, envelopeTime: null, protocol: null }
  if (!isRecord(entry)) return unrecognisedMessage(`${kind} entry is not an object`, ctx, { deviceId: opts.deviceId })
  const log = camelizeKeys(entry)
  switch (kind) {
    case 'lock_open_log':
    case 'lock_alarm_log':
      return normaliseStatusLog(log, entry, opts, ctx)
    case 'lock_record':
      return normaliseLockRecord(log, entry, opts, ctx)
    case 'access_control_log':
      return normaliseAccessControlLog(log, entry, opts)
  }
}

/** open-logs and alarm-logs: `{status: {code, value}, update_time, user_id, nick_name}`; value is a string. */
function normaliseStatusLog(
  log: JsonRecord,
  raw: JsonRecord,
  opts: { deviceId: string | null; receivedAt: Date },
  ctx: NormaliseContext,
): NormalisedMessage {
  const status = isRecord(log.status) ? log.status : undefined
  const code = readId(status?.code)
  if (!status || !code) return unrecognisedMessage('log entry without status.code', ctx, { deviceId: opts.deviceId })
  const occurredAt = resolveDeviceTime([log.updateTime], opts.receivedAt, opts.receivedAt)
  const items = mapDataPoints([{ code, value: status.value, occurredAt, raw }]).map((item) => withUser(item, log))
  return { shape: 'openapi_log', sourceMessageId: null, deviceId: opts.deviceId, occurredAt, items }
}

/** records: `{record_id, gmt_create, user_id, user_name, dps: [{unlock_face: 3}], media_info_list: [...]}`. */
function normaliseLockRecord(
  log: JsonRecord,
  raw: JsonRecord,
  opts: { deviceId: string | null; receivedAt: Date },
  ctx: NormaliseContext,
): NormalisedMessage {
  const occurredAt = resolveDeviceTime([log.gmtCreate, log.updateTime], opts.receivedAt, opts.receivedAt)
  const points: DataPoint[] = (Array.isArray(log.dps) ? log.dps : []).flatMap((dp) => readDpPairs(dp, occurredAt, raw))
  const sourceMessageId = readId(log.recordId) ?? null
  if (points.length === 0) {
    return unrecognisedMessage('lock record without readable dps', ctx, { deviceId: opts.deviceId, sourceMessageId })
  }
  const snapshot = readMediaSnapshot(log.mediaInfoList)
  const items = mapDataPoints(points)
    .map((item) => withUser(item, log))
    .map((item) => (snapshot ? withSnapshot(item, snapshot) : item))
  return { shape: 'openapi_log', sourceMessageId, deviceId: opts.deviceId, occurredAt, items }
}

/** access-control-logs (model C): `{device_id, user_id, name, access_time, access_type, image_capture}`. */
function normaliseAccessControlLog(
  log: JsonRecord,
  raw: JsonRecord,
  opts: { deviceId: string | null; receivedAt: Date },
): NormalisedMessage {
  const occurredAt = resolveDeviceTime([log.accessTime], opts.receivedAt, opts.receivedAt)
  const snapshot = parseSnapshotRef(log.imageCapture)
  const userId = readId(log.userId)
  const userName = readId(log.name)
  const item: NormalisedItem = {
    kind: 'access',
    occurredAt,
    method: readOptional(accessMethodSchema, log.accessType) ?? 'other',
    // The readable part of the doc shows pass records only (§2.8, ❓); honour a `success` flag when present.
    result: log.success === false || log.success === 'false' || log.success === 0 ? 'denied' : 'granted',
    ...(userId ? { externalUserId: userId } : {}),
    ...(userName ? { externalUserName: userName } : {}),
    sourceCode: `access_type:${readId(log.accessType) ?? ''}`,
    ...(snapshot ? { snapshot } : {}),
    raw,
  }
  return {
    shape: 'openapi_log',
    // The same record id as the live vendor record, so an event seen live is not stored again by backfill.
    sourceMessageId: readId(log.recordId) ?? null,
    deviceId: readId(log.devId) ?? opts.deviceId,
    occurredAt,
    items: [item],
  }
}

/** `dps` items are `{unlock_face: 3}` in the doc (shape ❓, §2.3); `{code, value}` is accepted too. */
function readDpPairs(dp: unknown, occurredAt: Date, raw: unknown): DataPoint[] {
  if (!isRecord(dp)) return []
  const code = readId(dp.code)
  if (code && 'value' in dp) return [{ code, value: dp.value, occurredAt, raw }]
  return Object.entries(dp).map(([key, value]) => ({ code: key, value, occurredAt, raw }))
}

/** The face capture is the `file_*` half of `media_info_list` (`media_*` is the video), encrypted with `file_key`. */
function readMediaSnapshot(list: unknown): SnapshotRef | undefined {
  const first = Array.isArray(list) && isRecord(list[0]) ? camelizeKeys(list[0]) : undefined
  if (!first) return undefined
  const fileKey = readId(first.fileKey)
  const url = readId(first.fileUrl)
  if (url) return { type: 'url', url, ...(fileKey ? { fileKey } : {}) }
  const path = readId(first.filePath)
  if (!path) return undefined
  const bucket = readId(first.bucket)
  return { type: 'tuya_file', path, ...(bucket ? { bucket } : {}), ...(fileKey ? { fileKey } : {}) }
}

/** `user_id` "0" means the credential is bound to no member (§2.2). */
function withUser(item: NormalisedItem, log: JsonRecord): NormalisedItem {
  if (item.kind !== 'access') return item
  const userId = readId(log.userId)
  const userName = readId(log.userName) ?? readId(log.nickName)
  return {
    ...item,
    ...(userId && userId !== '0' ? { externalUserId: userId } : {}),
    ...(userName ? { externalUserName: userName } : {}),
  }
}

function withSnapshot(item: NormalisedItem, snapshot: SnapshotRef): NormalisedItem {
  if (item.kind === 'access' || item.kind === 'call' || item.kind === 'alarm') return { ...item, snapshot }
  return item
}
