// Protocol 20 — device/user/home events `{bizCode, bizData, devId, productKey, ts}` (docs/tuya-protocol.md §3.8). `devId`
// comes top-level (older SDKs) or inside bizData (current HA code reads bizData.devId), so both are read.
import { resolveDeviceTime } from './device-time'
import { fallbackTime, type NormaliseContext } from './normalise-context'
import type { DeviceChange, NormalisedItem, NormalisedMessage } from './normalised'
import { ownEntry, readBizData, readId, toMatchToken, type JsonRecord } from './payload-fields'

/** Device lifecycle bizCodes in both families: legacy protocol 20 and IoT Core 1001 (§3.8). */
const DEVICE_CHANGE_BY_BIZ_CODE: Readonly<Record<string, DeviceChange>> = {
  online: 'online',
  offline: 'offline',
  nameupdate: 'renamed',
  delete: 'deleted',
  deviceonline: 'online',
  deviceoffline: 'offline',
  devicenameupdate: 'renamed',
}

export function deviceChangeForBizCode(bizCode: string): DeviceChange | null {
  return ownEntry(DEVICE_CHANGE_BY_BIZ_CODE, toMatchToken(bizCode)) ?? null
}

/** `bizCode` has been checked to be a string by the dispatcher. */
export function normaliseDeviceEvent(body: JsonRecord, ctx: NormaliseContext): NormalisedMessage {
  return { shape: 'device_event', ...normaliseLifecycleEvent(body, ctx) }
}

/** Shared with IoT Core 1001, whose lifecycle events carry the same fields under other bizCode names. */
export function normaliseLifecycleEvent(body: JsonRecord, ctx: NormaliseContext): Omit<NormalisedMessage, 'shape'> {
  const bizCode = typeof body.bizCode === 'string' ? body.bizCode : ''
  const bizData = readBizData(body)
  const occurredAt = resolveDeviceTime([bizData.time, body.ts, body.t], ctx.receivedAt, fallbackTime(ctx))
  const change = deviceChangeForBizCode(bizCode)
  const raw = body.bizData ?? body

  return {
    // These events carry no message id (`uuid` is the device's); the caller hashes the content.
    sourceMessageId: readId(bizData.dataId) ?? null,
    deviceId: readId(body.devId) ?? readId(bizData.devId) ?? null,
    occurredAt,
    items: change
      ? lifecycleItems(change, bizCode, bizData, occurredAt, raw)
      : [unknownEvent(bizCode, occurredAt, raw)],
  }
}

/**
 * An offline device also raises a `device_offline` alarm: a door station that cannot report is a security gap
 * the guard must see. Repeats fold into one alarm (lib/alarms/alarm-policy.ts); coming back `online` is the
 * persistence layer's cue to resolve it.
 */
function lifecycleItems(
  change: DeviceChange,
  bizCode: string,
  bizData: JsonRecord,
  occurredAt: Date,
  raw: unknown,
): NormalisedItem[] {
  const name = change === 'renamed' ? readId(bizData.name) : undefined
  const device: NormalisedItem = {
    kind: 'device',
    occurredAt,
    change,
    ...(name !== undefined ? { name } : {}),
    sourceCode: bizCode,
    raw,
  }
  if (change !== 'offline') return [device]
  return [device, { kind: 'alarm', occurredAt, type: 'device_offline', detail: bizCode, sourceCode: bizCode, raw }]
}

function unknownEvent(bizCode: string, occurredAt: Date, raw: unknown): NormalisedItem {
  return { kind: 'unknown', occurredAt, code: bizCode, value: raw, reason: 'bizCode not mapped', raw }
}
