// The device registry follows the cloud project's device list (lib/devices/sync-devices.ts), against the Tuya
// Cloud simulator and real databases: every device appears with its category mapped, a repeat run changes
// nothing and broadcasts nothing, and a rename or a device going offline in the cloud is picked up and broadcast
// as device.updated for that device only. A sync that fails mid-way changes no device and broadcasts nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@/lib/db/client'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { deviceCategoryOf, syncDevices } from '@/lib/devices/sync-devices'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { createTuyaClient, type TuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { seedDemoBuilding } from '@/prisma/seed-demo'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const EXPECTED_KIND = {
  mk: 'face_terminal',
  sp: 'door_station',
  jtmspro: 'smart_lock',
  videolock: 'smart_lock',
} as const

async function syncRecorded(db: Db, client: TuyaClient) {
  const live = recordLiveEmissions()
  try {
    const result = await syncDevices(db, client)
    return { result, emitted: live.emitted }
  } finally {
    live.stop()
  }
}

describe('deviceCategoryOf', () => {
  it('maps Tuya category codes to device kinds', () => {
    expect(
      ['mk', 'mal', 'sp', 'dghsxj', 'ms', 'jtmspro', 'videolock', 'jtmsbh', 'cz', undefined].map(deviceCategoryOf),
    ).toEqual([
      'face_terminal',
      'face_terminal',
      'door_station',
      'door_station',
      'smart_lock',
      'smart_lock',
      'smart_lock',
      'smart_lock',
      'other',
      'other',
    ])
  })
})

describe.each(TEST_PROVIDERS)('syncDevices against the simulator on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let sim: RunningSimulator
  let client: TuyaClient
  // The simulator plays its own copy, so the test can rename a device in "the cloud".
  const building = structuredClone(DEMO_BUILDING)

  beforeAll(async () => {
    ;[testDb, sim] = await Promise.all([
      createTestDatabase(provider),
      startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0, building }),
    ])
    db = testDb.db
    client = createTuyaClient({
      baseUrl: sim.url,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      retry: { maxRetries: 0 },
    })
  })

  afterAll(async () => {
    await sim?.close()
    await testDb?.drop()
  })

  it('creates every cloud device with its category, then a second run changes and broadcasts nothing', async () => {
    const first = await syncRecorded(db, client)
    expect(first.result).toEqual({ seen: building.devices.length, changed: building.devices.length })

    const rows = await db.device.findMany({ orderBy: { tuyaId: 'asc' } })
    expect(
      rows.map((d) => ({
        tuyaId: d.tuyaId,
        name: d.name,
        category: d.category,
        tuyaCategory: d.tuyaCategory,
        productId: d.productId,
        productName: d.productName,
        online: d.online,
      })),
    ).toEqual(
      [...building.devices]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((d) => ({
          tuyaId: d.id,
          name: d.name,
          category: EXPECTED_KIND[d.category],
          tuyaCategory: d.category,
          productId: d.productId,
          productName: d.productName,
          online: true,
        })),
    )
    for (const d of building.devices) expect(EXPECTED_KIND[d.category]).toBe(d.kind)

    expect(first.emitted.map((e) => e.event)).toEqual(building.devices.map(() => 'device.updated'))
    expect(first.emitted.map((e) => e.payload.tuyaId).sort()).toEqual(building.devices.map((d) => d.id).sort())
    expect(first.emitted[0].rooms.sort()).toEqual(['role:admin', 'role:guard', 'role:manager'])

    const second = await syncRecorded(db, client)
    expect(second.result).toEqual({ seen: building.devices.length, changed: 0 })
    expect(second.emitted).toEqual([])
  })

  it('picks up a rename and a device going offline, broadcasting only those devices', async () => {
    const [renamed, dropped] = [building.devices[0], building.devices[3]]
    sim.state.devices.get(renamed.id)!.def.name = 'Block A Lobby (new panel)'
    sim.trigger(dropped.id, 'offline')

    const run = await syncRecorded(db, client)
    expect(run.result).toEqual({ seen: building.devices.length, changed: 2 })
    const deviceEvents = run.emitted.filter((e) => e.event === 'device.updated')
    expect(deviceEvents.map((e) => [e.event, e.payload.tuyaId, e.payload.name, e.payload.online])).toEqual(
      expect.arrayContaining([
        ['device.updated', renamed.id, 'Block A Lobby (new panel)', true],
        ['device.updated', dropped.id, dropped.name, false],
      ]),
    )
    expect(deviceEvents).toHaveLength(2)
    // The device that went offline raised its alarm (lib/devices/sync-offline-alarm.test.ts covers the folding).
    const droppedId = (await db.device.findUniqueOrThrow({ where: { tuyaId: dropped.id } })).id
    expect(run.emitted.filter((e) => e.event !== 'device.updated').map((e) => [e.event, e.payload.deviceId])).toEqual([
      ['alarm.created', droppedId],
    ])
    expect(await db.device.findUniqueOrThrow({ where: { tuyaId: renamed.id } })).toMatchObject({
      name: 'Block A Lobby (new panel)',
      online: true,
    })
    expect(await db.device.findUniqueOrThrow({ where: { tuyaId: dropped.id } })).toMatchObject({ online: false })

    expect((await syncRecorded(db, client)).result.changed).toBe(0)

    sim.trigger(dropped.id, 'online')
    const back = await syncRecorded(db, client)
    expect(back.result.changed).toBe(1)
    expect(
      back.emitted.filter((e) => e.event === 'device.updated').map((e) => [e.payload.tuyaId, e.payload.online]),
    ).toEqual([[dropped.id, true]])
    expect(back.emitted.filter((e) => e.event === 'alarm.updated').map((e) => e.payload.state)).toEqual(['resolved'])
    // Device rows keep their ids through every sync: events and calls point at them.
    expect(await db.device.count()).toBe(building.devices.length)
  })

  it('changes no device and broadcasts nothing when the outbox write fails mid-sync; the next sync applies it', async () => {
    const [renamed, dropped] = [building.devices[1], building.devices[2]]
    const before = await db.device.findMany({ orderBy: { id: 'asc' } })
    sim.state.devices.get(renamed.id)!.def.name = 'Block B Entrance (rewired)'
    sim.trigger(dropped.id, 'offline')

    const restore = await failInsertsInto(db, provider, 'LiveEvent')
    const live = recordLiveEmissions()
    try {
      // (Prisma words the trigger's abort differently per provider; any error will do.)
      await expect(syncDevices(db, client)).rejects.toThrow()
    } finally {
      live.stop()
      await restore()
    }
    expect(live.emitted).toEqual([])
    expect(await db.device.findMany({ orderBy: { id: 'asc' } })).toEqual(before)

    const run = await syncRecorded(db, client)
    expect(run.result.changed).toBe(2)
    const deviceEvents = run.emitted.filter((e) => e.event === 'device.updated')
    expect(deviceEvents.map((e) => [e.payload.tuyaId, e.payload.name, e.payload.online]).sort()).toEqual(
      [
        [renamed.id, 'Block B Entrance (rewired)', true],
        [dropped.id, dropped.name, false],
      ].sort(),
    )
  })
})

describe.each(TEST_PROVIDERS)('syncDevices over the seeded demo building on %s', (provider) => {
  let testDb: TestDatabase
  let sim: RunningSimulator

  beforeAll(async () => {
    ;[testDb, sim] = await Promise.all([
      createTestDatabase(provider),
      startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0 }),
    ])
  })

  afterAll(async () => {
    await sim?.close()
    await testDb?.drop()
  })

  it('finds the demo seed already in sync with the simulator (same ids, names, categories)', async () => {
    await seedDemoBuilding(testDb.db, 'sync-test-seal-key-0123456789abcdef')
    const ids = new Map((await testDb.db.device.findMany()).map((d) => [d.tuyaId, d.id]))
    const client = createTuyaClient({ baseUrl: sim.url, accessId: sim.accessId, accessSecret: sim.accessSecret })
    const { result, emitted } = await syncRecorded(testDb.db, client)
    expect(result).toEqual({ seen: DEMO_BUILDING.devices.length, changed: 0 })
    expect(emitted).toEqual([])
    expect(new Map((await testDb.db.device.findMany()).map((d) => [d.tuyaId, d.id]))).toEqual(ids)
  })
})
