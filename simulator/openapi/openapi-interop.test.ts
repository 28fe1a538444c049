// Tuya's own Node connector, unchanged, must not be able to tell the simulator from Tuya Cloud; neither must ours.
import { TuyaContext } from '@tuya/tuya-connector-nodejs'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

/** The simulator's control API takes mutating calls as JSON only. */
const JSON_HEADERS = { 'content-type': 'application/json' }

// The simulator keeps its own clock so a test can skew the client's Date.now without moving the server's.
const serverClock = { now: () => Math.round(performance.timeOrigin + performance.now()) }
const lock = DEMO_BUILDING.devices.find((d) => d.category === 'jtmspro')!
const panel = DEMO_BUILDING.devices.find((d) => d.category === 'mk')!

let sim: RunningSimulator
beforeAll(async () => {
  sim = await startSimulator({ port: 0, clock: serverClock })
})
afterAll(() => sim.close())
afterEach(() => vi.restoreAllMocks())

function officialClient(secret = sim.accessSecret) {
  return new TuyaContext({ baseUrl: sim.url, accessKey: sim.accessId, secretKey: secret })
}

describe('official @tuya/tuya-connector-nodejs against the simulator', () => {
  it('gets a token, lists the project devices and sends a command', async () => {
    const tuya = officialClient()
    const page = await tuya.request<{ devices: { id: string }[]; has_more: boolean }>({
      method: 'GET',
      path: TUYA_PATHS.projectDevices,
      query: { size: 20 },
    })
    expect(page.success).toBe(true)
    expect(page.result.devices.map((d) => d.id)).toEqual(DEMO_BUILDING.devices.map((d) => d.id))

    const command = await tuya.request<boolean>({
      method: 'POST',
      path: TUYA_PATHS.deviceCommands(lock.id),
      body: { commands: [{ code: 'automatic_lock', value: true }] },
    })
    expect(command).toMatchObject({ success: true, result: true })
    const details = await tuya.device.detail({ device_id: panel.id })
    expect(details.result).toMatchObject({ id: panel.id, category: 'mk', online: true })
  })

  it('signs query strings the way the SDK does (decoded, sorted; GET body "{}")', async () => {
    const res = await officialClient().request({
      method: 'GET',
      path: TUYA_PATHS.projectDevices,
      query: { size: 2, last_row_key: '' },
    })
    expect(res).toMatchObject({ success: true, result: { has_more: true } })
  })

  it('a wrong secret gets 1004 sign invalid', async () => {
    await expect(
      officialClient('0'.repeat(32)).request({ method: 'GET', path: TUYA_PATHS.device(lock.id) }),
    ).rejects.toThrow(/1004/)
  })

  it('a clock skewed by more than 5 minutes gets 1013', async () => {
    const realNow = Date.now.bind(Date)
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 6 * 60_000)
    await expect(officialClient().request({ method: 'GET', path: TUYA_PATHS.device(lock.id) })).rejects.toThrow(/1013/)
  })

  it('recovers from an expired token the way the SDK expects (1010 → refresh/re-login → replay)', async () => {
    const tuya = officialClient()
    expect((await tuya.request({ method: 'GET', path: TUYA_PATHS.deviceStatus(lock.id) })).success).toBe(true)
    await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ expireTokens: true }),
    })
    const again = await tuya.request({ method: 'GET', path: TUYA_PATHS.deviceStatus(lock.id) })
    expect(again.success).toBe(true)
  })
})

describe('the project client (lib/tuya/openapi/openapi-client) against the simulator', () => {
  const client = (overrides: { accessSecret?: string; now?: () => number } = {}) =>
    createTuyaClient({
      baseUrl: sim.url,
      accessId: sim.accessId,
      accessSecret: overrides.accessSecret ?? sim.accessSecret,
      now: overrides.now,
      retry: { maxRetries: 0 },
    })

  it('gets a token, lists devices and sends a command', async () => {
    const tuya = client()
    const devices = await tuya.listDevices({ size: 2 })
    expect(devices.map((d) => d.id)).toEqual(DEMO_BUILDING.devices.map((d) => d.id))
    await expect(tuya.sendCommands(lock.id, [{ code: 'automatic_lock', value: false }])).resolves.toBe(true)
  })

  it('a wrong secret gets 1004', async () => {
    await expect(client({ accessSecret: 'f'.repeat(32) }).getDevice(lock.id)).rejects.toMatchObject({ code: 1004 })
  })

  it('a skewed clock gets 1013', async () => {
    await expect(client({ now: () => serverClock.now() - 10 * 60_000 }).getDevice(lock.id)).rejects.toMatchObject({
      code: 1013,
    })
  })
})
