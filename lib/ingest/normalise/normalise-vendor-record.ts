// The device vendor's own records (docs/tuya-devices.md §2.11, §2.1 — a vendor claim, unverified):
// protocol-20-style events with bizCode accessRecord / callStatus / accessAlarm. Field names are accepted in any
// case style (camelizeKeys); unknown fields survive in `raw`.
import { accessMethodSchema, type AccessMethod, type AccessResult, type AlarmType } from '@/lib/domain/enums'
import { alarmLockMeaning } from './data-point-codes'
import { resolveDeviceTime } from './device-time'
import { fallbackTime, type NormaliseContext } from './normalise-context'
import type { CallSignal, NormalisedItem, NormalisedMessage, SnapshotRef } from './normalised'
import {
  ownEntry,
  camelizeKeys,
  looseBooleanSchema,
  looseNumberSchema,
  readId,
  readOptional,
  readRawBizData,
  toMatchToken,
  type JsonRecord,
} from './payload-fields'
import { parseSnapshotRef } from './snapshot-ref'

type VendorKind = 'access' | 'call' | 'alarm'
const VENDOR_KIND_BY_BIZ_CODE: Readonly<Record<string, VendorKind>> = {
  accessrecord: 'access',
  callstatus: 'call',
  accessalarm: 'alarm',
}

const CANONICAL_BIZ_CODE: Readonly<Record<VendorKind, string>> = {
  access: 'accessRecord',
  call: 'callStatus',
  alarm: 'accessAlarm',
}

export function isVendorBizCode(bizCode: string): boolean {
  return Object.hasOwn(VENDOR_KIND_BY_BIZ_CODE, toMatchToken(bizCode))
}

/** The vendor's `way` values: 1 card, 2 password, 4 face, 9 remote (§2.1). */
const METHOD_BY_WAY: Readonly<Record<number, AccessMethod>> = { 1: 'card', 2: 'password', 4: 'face', 9: 'remote' }

const SIGNAL_BY_CALL_STATUS: Readonly<Record<string, CallSignal>> = {
  calling: 'ring',
  ringing: 'ring',
  ring: 'ring',
  answered: 'answered',
  accepted: 'answered',
  hangup: 'hangup',
  hungup: 'hangup',
  missed: 'missed',
  timeout: 'missed',
  noanswer: 'missed',
  rejected: 'declined',
  declined: 'declined',
  refused: 'declined',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  dooropened: 'door_opened',
}

const ALARM_BY_VENDOR_TYPE: Readonly<Record<string, AlarmType>> = {
  tamper: 'tamper',
  loitering: 'loitering',
  multiplefailures: 'repeated_failures',
  repeatedfailures: 'repeated_failures',
  duress: 'duress',
  hijack: 'duress',
  lowbattery: 'low_battery',
  deviceoffline: 'device_offline',
  doorleftopen: 'door_left_open',
}

export function normaliseVendorRecord(body: JsonRecord, ctx: NormaliseContext): NormalisedMessage {
  const givenBizCode = typeof body.bizCode === 'string' ? body.bizCode : ''
  const kind = ownEntry(VENDOR_KIND_BY_BIZ_CODE, toMatchToken(givenBizCode))
  // `sourceCode` uses the vendor's spelling whatever case style arrived, so items compare equal across variants.
  const bizCode = kind ? CANONICAL_BIZ_CODE[kind] : givenBizCode
  // Tolerate the fields sitting top-level when a vendor leaves out the bizData wrapper.
  const rawData = readRawBizData(body) ?? body
  const data = camelizeKeys(rawData)
  const occurredAt = resolveDeviceTime([data.time, data.ts, body.ts, body.t], ctx.receivedAt, fallbackTime(ctx))
  const deviceId = readId(body.devId) ?? readId(data.devId) ?? null
  const snapshot = readSnapshot(data)
  const common = { occurredAt, raw: rawData, ...(snapshot ? { snapshot } : {}) }

  switch (kind) {
    case 'access': {
      const item = accessItem(data, bizCode, common)
      return {
        shape: 'vendor_access',
        sourceMessageId: readId(data.recordId) ?? null,
        deviceId,
        occurredAt,
        items: [item],
      }
    }
    case 'call': {
      const callId = readId(data.callId)
      const status = readId(data.status) ?? ''
      const signal = ownEntry(SIGNAL_BY_CALL_STATUS, toMatchToken(status))
      // The person a face-recognition station recognised as the caller, named as accessRecord names it (`userId`;
      // `personId` as the access-control persons API calls it). Only the id: a name in the message is not shown.
      const caller = readId(data.userId) ?? readId(data.personId)
      const items: NormalisedItem[] = signal
        ? [
            {
              kind: 'call',
              signal,
              ...(callId ? { callRef: callId } : {}),
              ...(caller ? { externalUserId: caller } : {}),
              sourceCode: bizCode,
              ...common,
            },
          ]
        : [
            {
              kind: 'unknown',
              occurredAt,
              code: `${bizCode}:${status}`,
              value: status,
              reason: 'call status not mapped',
              raw: rawData,
            },
          ]
      const sourceMessageId = callId ? `${callId}:${status}` : null
      return { shape: 'vendor_call', sourceMessageId, deviceId, occurredAt, items }
    }
    case 'alarm': {
      const type = readId(data.type) ?? readId(data.alarmType) ?? ''
      const item: NormalisedItem = {
        kind: 'alarm',
        type: alarmTypeForVendor(type),
        detail: type || bizCode,
        sourceCode: bizCode,
        ...common,
      }
      return {
        shape: 'vendor_alarm',
        sourceMessageId: readId(data.alarmId) ?? null,
        deviceId,
        occurredAt,
        items: [item],
      }
    }
    default:
      throw new Error(`normaliseVendorRecord called with non-vendor bizCode ${bizCode}`)
  }
}

function accessItem(
  data: JsonRecord,
  bizCode: string,
  common: { occurredAt: Date; raw: unknown; snapshot?: SnapshotRef },
): NormalisedItem {
  const userId = readId(data.userId)
  const userName = readId(data.userName)
  return {
    kind: 'access',
    method: methodForWay(data.way),
    result: readResult(data),
    ...(userId ? { externalUserId: userId } : {}),
    ...(userName ? { externalUserName: userName } : {}),
    sourceCode: bizCode,
    ...common,
  }
}

/** Numbers per the vendor; a method name given as text is taken as is; anything else is `other` (raw kept). */
function methodForWay(way: unknown): AccessMethod {
  const numeric = readOptional(looseNumberSchema, way)
  if (numeric !== undefined) return METHOD_BY_WAY[numeric] ?? 'other'
  return readOptional(accessMethodSchema, typeof way === 'string' ? way.trim().toLowerCase() : way) ?? 'other'
}

/**
 * `success` (boolean-ish) or a `result` word. A record that states neither is read as granted: the vendor
 * publishes "opening" records and names failures explicitly.
 */
function readResult(data: JsonRecord): AccessResult {
  const success = readOptional(looseBooleanSchema, data.success)
  if (success !== undefined) return success ? 'granted' : 'denied'
  const word = typeof data.result === 'string' ? toMatchToken(data.result) : ''
  if (['denied', 'fail', 'failed', 'failure', 'false'].includes(word)) return 'denied'
  return 'granted'
}

/** The vendor's names first, then Tuya's alarm_lock words a vendor may pass through (`pry`, `stay_alarm` …). */
function alarmTypeForVendor(type: string): AlarmType {
  const known = ownEntry(ALARM_BY_VENDOR_TYPE, toMatchToken(type))
  if (known) return known
  const meaning = alarmLockMeaning(type.trim().toLowerCase())
  if (meaning.kind === 'alarm') return meaning.type
  return meaning.kind === 'failed_attempts' ? 'repeated_failures' : 'other'
}

/**
 * `imageUrl` is the capture. `imageId` alone is taken as a stored-file path: the vendor names it but not what
 * resolves it, so the persistence layer can at least keep and show the reference.
 */
function readSnapshot(data: JsonRecord): SnapshotRef | undefined {
  const fromUrl = parseSnapshotRef(data.imageUrl ?? data.picUrl ?? data.image)
  if (fromUrl) return fromUrl
  const imageId = readId(data.imageId)
  if (!imageId) return undefined
  return parseSnapshotRef(imageId) ?? { type: 'tuya_file', path: imageId }
}
