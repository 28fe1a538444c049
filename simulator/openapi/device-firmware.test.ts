// What the simulator answers about a device's product and firmware, as Tuya documents it: the device details carry
// `product_name` and `model` (the project's device list carries the name, not the model); the firmware endpoint
// lists each module with its channel `type` and `current_version`, also for an offline device (cloud data), only
// to a signed call, and "permission deny" (1106) for a device outside the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TuyaApiError } from '@/lib/tuya/errors'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'
import { signedRequest } from '@/simulator/testing/signed-request'

const station = DEMO_BUILDING.devices.find((d) => d.category === 'sp')!
const lock = DEMO_BUILDING.devices.find((d) => d.category === 'videolock')!
let sim: RunningSimulator
let tuya: ReturnType<typeof createTuyaClient>

beforeAll(async () => {
  sim = await startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0 })
  tuya = createTuyaClient({
    baseUrl: sim.url,
    accessId: sim.accessId,
    accessSecret: sim.accessSecret,
    retry: { maxRetries: 0 },
  })
})
afterAll(() => sim.close())

describe('device product and firmware', () => {
  it('gives the product name and model in the device details, the name alone in the device list', async () => {
    expect(await tuya.getDevice(station.id)).toMatchObject({
      id: station.id,
      product_id: station.productId,
      product_name: station.productName,
      model: station.productModel,
    })
    const listed = (await tuya.listDevices()).find((d) => d.id === station.id)
    expect(listed).toMatchObject({ product_name: station.productName })
    expect(listed).not.toHaveProperty('model')
  })

  it('lists every firmware module with the documented fields', async () => {
    const modules = (await tuya.getDeviceFirmware(station.id)) as Record<string, unknown>[]
    expect(modules.map((m) => [m.type, m.current_version])).toEqual(station.firmware.map((m) => [m.type, m.version]))
    for (const module of modules) {
      expect(module).toMatchObject({ version: module.current_version, upgrade_status: 0 })
      expect(typeof module.type_desc).toBe('string')
      expect(typeof module.last_upgrade_time).toBe('number')
    }
  })

  it('answers for an offline device too', async () => {
    sim.trigger(lock.id, 'offline')
    try {
      const modules = (await tuya.getDeviceFirmware(lock.id)) as { current_version: string }[]
      expect(modules.map((m) => m.current_version)).toEqual(lock.firmware.map((m) => m.version))
    } finally {
      sim.trigger(lock.id, 'online')
    }
  })

  it('refuses a device outside the project (1106) and an unsigned call', async () => {
    const refused = await tuya.getDeviceFirmware('not-a-device-of-ours').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(TuyaApiError)
    expect((refused as TuyaApiError).code).toBe(1106)
    const { body } = await signedRequest({
      baseUrl: sim.url,
      clientId: sim.accessId,
      secret: sim.accessSecret,
      path: TUYA_PATHS.deviceFirmware(station.id),
      accessToken: 'not-a-token',
      sign: 'F'.repeat(64),
    })
    expect(body).toMatchObject({ success: false, code: 1004 })
  })
})
