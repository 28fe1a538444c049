// Payload shapes (the decrypted second layer) exactly as docs/tuya-protocol.md §3.8 and
// docs/tuya-devices.md §2.11 describe them. Each builder returns the payload and its idempotency id.
import { findDpId } from '@/simulator/devices/device-specs'
import type { SimDevice } from '@/simulator/state/sim-state'
import { createDataId } from '@/simulator/state/ids'

export type BuiltMessage = { protocol: number; payload: Record<string, unknown>; sourceId: string }

/** Protocol 4 status report: each item repeats its value as a string under its DP id. */
export function buildStatusReport(
  device: SimDevice,
  items: { code: string; value: unknown }[],
  t: number,
): BuiltMessage {
  const dataId = createDataId()
  const status = items.map(({ code, value }) => {
    const item: Record<string, unknown> = { code, t, value }
    const dpId = findDpId(device.def.category, code)
    if (dpId !== undefined) item[String(dpId)] = typeof value === 'string' ? value : JSON.stringify(value)
    return item
  })
  return {
    protocol: 4,
    sourceId: dataId,
    payload: { dataId, devId: device.def.id, productKey: device.def.productId, status },
  }
}

/** Protocol 20 event; `devId` both top-level and in bizData, since consumers read either (docs/tuya-protocol.md §3.8). */
export function buildBizEvent(
  device: SimDevice,
  bizCode: string,
  bizData: Record<string, unknown>,
  t: number,
  sourceId: string,
): BuiltMessage {
  return {
    protocol: 20,
    sourceId,
    payload: {
      bizCode,
      bizData: { devId: device.def.id, ...bizData, time: bizData.time ?? t },
      devId: device.def.id,
      productKey: device.def.productId,
      ts: t,
    },
  }
}

/** IoT Core 1001 device management message (deviceOnline / deviceOffline). */
export function buildIotCoreDeviceEvent(
  device: SimDevice,
  bizCode: 'deviceOnline' | 'deviceOffline',
  uid: string,
  t: number,
): BuiltMessage {
  return {
    protocol: 1001,
    sourceId: `${bizCode}:${device.def.id}:${t}`,
    payload: { bizCode, bizData: { devId: device.def.id, productId: device.def.productId, uid, time: t }, ts: t },
  }
}

/** Base64 JSON file pointer carried by picture DPs (115 / 154), docs/tuya-devices.md §1.5. */
export function encodeFilePointer(ref: { bucket: string; path: string; key: string }): string {
  return Buffer.from(JSON.stringify({ bucket: ref.bucket, files: [[ref.path, ref.key]], v: '1.0' }), 'utf8').toString(
    'base64',
  )
}
