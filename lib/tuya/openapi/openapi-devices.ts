// Device list, details, status, specification, commands (docs/tuya-devices.md §4.3).
// Schemas are loose: Tuya may add fields at any time, and we only name what we read.
import { z } from 'zod'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import type { TuyaRequest } from '@/lib/tuya/openapi/openapi-client'

export const deviceStatusItemSchema = z.looseObject({ code: z.string(), value: z.unknown() })

export const tuyaDeviceSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  category: z.string().optional(),
  product_id: z.string().optional(),
  product_name: z.string().optional(),
  /** The product model (device details; not every list carries it). */
  model: z.string().optional(),
  online: z.boolean().optional(),
  uid: z.string().optional(),
  uuid: z.string().optional(),
  sub: z.boolean().optional(),
  ip: z.string().optional(),
  time_zone: z.string().optional(),
  // 10-digit seconds in the examples seen (§4.3 ❓); kept as given.
  create_time: z.number().optional(),
  update_time: z.number().optional(),
  active_time: z.number().optional(),
  status: z.array(deviceStatusItemSchema).optional(),
})
export type TuyaDevice = z.infer<typeof tuyaDeviceSchema>

const devicePageSchema = z.looseObject({
  devices: z.array(tuyaDeviceSchema).default([]),
  last_row_key: z.string().optional(),
  has_more: z.boolean().default(false),
  total: z.number().optional(),
})

const specItemSchema = z.looseObject({
  code: z.string(),
  dp_id: z.number().optional(),
  type: z.string(),
  // A JSON *string* (§4.3); parse it where the value range is needed.
  values: z.string(),
})
export const deviceSpecificationSchema = z.looseObject({
  category: z.string().optional(),
  functions: z.array(specItemSchema).default([]),
  status: z.array(specItemSchema).default([]),
})
export type TuyaDeviceSpecification = z.infer<typeof deviceSpecificationSchema>

export type DeviceCommand = { code: string; value: unknown }

export function createDeviceApi(request: TuyaRequest) {
  async function listDevicesPage({ lastRowKey, size = 100 }: { lastRowKey?: string; size?: number } = {}) {
    const page = await request({
      method: 'GET',
      path: TUYA_PATHS.projectDevices,
      query: { last_row_key: lastRowKey ?? '', size },
      schema: devicePageSchema,
    })
    return { devices: page.devices, lastRowKey: page.last_row_key, hasMore: page.has_more, total: page.total }
  }

  /** Every device of the cloud project, following last_row_key. */
  async function* iterateDevices({ size = 100 }: { size?: number } = {}): AsyncGenerator<TuyaDevice> {
    let lastRowKey: string | undefined
    for (;;) {
      const page = await listDevicesPage({ lastRowKey, size })
      yield* page.devices
      // Stop on a cursor that does not advance rather than loop forever on a misbehaving server.
      if (!page.hasMore || !page.lastRowKey || page.lastRowKey === lastRowKey || page.devices.length === 0) return
      lastRowKey = page.lastRowKey
    }
  }

  async function listDevices(options: { size?: number } = {}): Promise<TuyaDevice[]> {
    const all: TuyaDevice[] = []
    for await (const device of iterateDevices(options)) all.push(device)
    return all
  }

  return {
    listDevicesPage,
    iterateDevices,
    listDevices,
    getDevice: (deviceId: string) =>
      request({ method: 'GET', path: TUYA_PATHS.device(deviceId), schema: tuyaDeviceSchema }),
    getDeviceStatus: (deviceId: string) =>
      request({ method: 'GET', path: TUYA_PATHS.deviceStatus(deviceId), schema: z.array(deviceStatusItemSchema) }),
    /** The device's firmware modules, as Tuya answers (read with firmwareModulesOf, lib/devices/device-details.ts). */
    getDeviceFirmware: (deviceId: string) =>
      request({ method: 'GET', path: TUYA_PATHS.deviceFirmware(deviceId), schema: z.unknown() }),
    getDeviceSpecifications: (deviceId: string) =>
      request({ method: 'GET', path: TUYA_PATHS.deviceSpecifications(deviceId), schema: deviceSpecificationSchema }),
    /** Not idempotent: a command may toggle or trigger something on the device. */
    sendCommands: (deviceId: string, commands: DeviceCommand[]) =>
      request({ method: 'POST', path: TUYA_PATHS.deviceCommands(deviceId), body: { commands }, schema: z.boolean() }),
  }
}
