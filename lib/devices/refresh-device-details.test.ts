// Each device's model and firmware (lib/devices/refresh-device-details.ts), against the Tuya Cloud simulator and
// real databases: read once for every device and broadcast, not read again within a day (no call at all), read
// again after a day with only real changes broadcast, and a failed read keeps what was stored and is tried again
// after a few hours, not at every sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { getDeviceDetail } from '@/lib/devices/data'
import {
  DETAILS_REFRESH_MS,
  DETAILS_RETRY_MS,
  type DetailsClient,
  refreshDeviceDetails,
} from '@/lib/devices/refresh-device-details'
import { syncDevices } from '@/lib/devices/sync-devices'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { createTuyaClient, type TuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const HOUR = 3_600_000

/** The real client, counting its calls; `failFor` makes one device's reads fail as Tuya would. */
function countingClient(client: TuyaClient) {
  const calls: string[] = []
  let failFor: string | null = null
  const details: DetailsClient = {
    getDevice: (id) => (
      calls.push(`device ${id}`),
      failFor === id ? Promise.reject(new Error('1106')) : client.getDevice(id)
    ),
    getDeviceFirmware: (id) => (calls.push(`firmware ${id}`), client.getDeviceFirmware(id)),
  }
  return { details, calls, failOn: (id: string | null) => (failFor = id) }
}

async function refreshRecorded(db: Db, client: DetailsClient, now: Date) {
  const live = recordLiveEmissions()
  try {
    return { result: await refreshDeviceDetails(db, client, { now }), emitted: live.emitted }
  } finally {
    live.stop()
  }
}

describe.each(TEST_PROVIDERS)('refreshDeviceDetails against the simulator on %s', (provider) => {
  let testDb: TestDatabase
  let sim: RunningSimulator
  let client: TuyaClient
  const building = structuredClone(DEMO_BUILDING)
  const start = new Date('2026-12-01T08:00:00.000Z')

  beforeAll(async () => {
    ;[testDb, sim] = await Promise.all([
      createTestDatabase(provider),
      startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0, building }),
    ])
    client = createTuyaClient({
      baseUrl: sim.url,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      retry: { maxRetries: 0 },
    })
    await syncDevices(testDb.db, client)
  })

  afterAll(async () => {
    await sim?.close()
    await testDb?.drop()
  })

  it('reads every device once: product name and model, firmware by channel, shown on the device page', async () => {
    const counting = countingClient(client)
    const first = await refreshRecorded(testDb.db, counting.details, start)
    expect(first.result).toEqual({ read: building.devices.length, changed: building.devices.length, failed: 0 })
    expect(counting.calls).toHaveLength(2 * building.devices.length)
    expect(first.emitted.map((e) => e.event)).toEqual(building.devices.map(() => 'device.updated'))

    const station = building.devices.find((d) => d.category === 'sp')!
    const row = await testDb.db.device.findUniqueOrThrow({ where: { tuyaId: station.id } })
    const { device } = await getDeviceDetail(testDb.db, row.id)
    expect(device).toMatchObject({
      productName: station.productName,
      productModel: station.productModel,
      firmware: [...station.firmware].sort((a, b) => a.type - b.type),
      detailsReadAt: start.toISOString(),
    })
    expect(device.firmware.map((m) => m.type)).toEqual([0, 9])
  })

  it('makes no call within a day, and after a day broadcasts only a device whose firmware changed', async () => {
    const counting = countingClient(client)
    const soon = await refreshRecorded(testDb.db, counting.details, new Date(start.getTime() + 23 * HOUR))
    expect(soon.result).toEqual({ read: 0, changed: 0, failed: 0 })
    expect(counting.calls).toEqual([])

    const updated = building.devices[0]
    sim.state.devices.get(updated.id)!.def.firmware = [
      { type: 0, version: '2.4.0' },
      { type: 9, version: '1.0.4' },
    ]
    const later = await refreshRecorded(testDb.db, counting.details, new Date(start.getTime() + DETAILS_REFRESH_MS))
    expect(later.result).toEqual({ read: building.devices.length, changed: 1, failed: 0 })
    expect(later.emitted.map((e) => [e.event, e.payload.tuyaId])).toEqual([['device.updated', updated.id]])
    const row = await testDb.db.device.findUniqueOrThrow({ where: { tuyaId: updated.id } })
    expect((await getDeviceDetail(testDb.db, row.id)).device.firmware).toEqual([
      { type: 0, version: '2.4.0' },
      { type: 9, version: '1.0.4' },
    ])
  })

  it('keeps what it had when a read fails, and tries that device again after a few hours only', async () => {
    const failing = building.devices[1]
    const before = await testDb.db.device.findUniqueOrThrow({ where: { tuyaId: failing.id } })
    const counting = countingClient(client)
    counting.failOn(failing.id)
    const day2 = new Date(start.getTime() + 2 * DETAILS_REFRESH_MS)
    const run = await refreshRecorded(testDb.db, counting.details, day2)
    expect(run.result).toEqual({ read: building.devices.length - 1, changed: 0, failed: 1 })
    expect(run.emitted).toEqual([])
    const after = await testDb.db.device.findUniqueOrThrow({ where: { tuyaId: failing.id } })
    expect(after).toMatchObject({
      productName: before.productName,
      productModel: before.productModel,
      firmware: before.firmware,
    })

    counting.calls.length = 0
    await refreshRecorded(testDb.db, counting.details, new Date(day2.getTime() + DETAILS_RETRY_MS - 60_000))
    expect(counting.calls).toEqual([])
    counting.failOn(null)
    const retried = await refreshRecorded(testDb.db, counting.details, new Date(day2.getTime() + DETAILS_RETRY_MS))
    expect(retried.result).toEqual({ read: 1, changed: 0, failed: 0 })
    expect(counting.calls).toEqual([`device ${failing.id}`, `firmware ${failing.id}`])
  })
})
