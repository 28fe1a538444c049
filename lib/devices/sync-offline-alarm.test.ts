// A device that drops off is reported twice: by its offline message (ingest) and by the next periodic device sync
// (the cloud's device list). Both go through lib/alarms/raise-alarm.ts, so whichever comes first opens ONE
// device_offline alarm and the other folds into it; back online resolves it once, whoever notices first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { syncDevices } from '@/lib/devices/sync-devices'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { createTuyaClient, type TuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

describe.each(TEST_PROVIDERS)('device_offline from ingest and from the periodic sync on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let sim: RunningSimulator
  let client: TuyaClient

  beforeAll(async () => {
    ;[testDb, sim] = await Promise.all([
      createTestDatabase(provider),
      startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0, building: structuredClone(DEMO_BUILDING) }),
    ])
    db = testDb.db
    client = createTuyaClient({
      baseUrl: sim.url,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      retry: { maxRetries: 0 },
    })
    await syncDevices(db, client)
  })

  afterAll(async () => {
    await sim?.close()
    await testDb?.drop()
  })

  async function recorded<T>(run: () => Promise<T>) {
    const live = recordLiveEmissions()
    try {
      await run()
      return live.emitted.filter((e) => e.event.startsWith('alarm.')).map((e) => [e.event, e.payload.state])
    } finally {
      live.stop()
    }
  }
  const ingestAll = async (messages: EmittedMessage[]) => {
    for (const message of messages)
      await ingestMessage(db, { source: 'mq', payload: message.payload, raw: message.payloadJson })
  }
  const offlineAlarms = async (tuyaId: string) =>
    db.alarm.findMany({ where: { type: 'device_offline', device: { tuyaId } }, include: { notes: true } })

  it('sync first: the sync raises the alarm, the late offline message folds into it; one alarm, resolved once', async () => {
    const device = DEMO_BUILDING.devices[1]
    const offline = sim.trigger(device.id, 'offline')

    expect(await recorded(() => syncDevices(db, client))).toEqual([['alarm.created', 'open']])
    expect(await recorded(() => syncDevices(db, client))).toEqual([])
    expect(await recorded(() => ingestAll(offline))).toEqual(offline.map(() => ['alarm.updated', 'open']))

    const raised = await offlineAlarms(device.id)
    expect(raised).toHaveLength(1)
    expect(raised[0]).toMatchObject({ state: 'open', priority: 'medium', count: 1 + offline.length })

    const online = sim.trigger(device.id, 'online')
    expect(await recorded(() => ingestAll(online))).toEqual([['alarm.updated', 'resolved']])
    expect(await recorded(() => syncDevices(db, client))).toEqual([])
    const after = await offlineAlarms(device.id)
    expect(after).toHaveLength(1)
    expect(after[0].state).toBe('resolved')
    expect(after[0].notes.map((n) => [n.kind, n.body])).toEqual([['resolve', 'Device back online']])
  })

  it('message first: the sync finds the device already offline and raises nothing; the sync notices it is back', async () => {
    const device = DEMO_BUILDING.devices[2]
    expect(await recorded(() => ingestAll(sim.trigger(device.id, 'offline')))).toContainEqual(['alarm.created', 'open'])
    expect(await recorded(() => syncDevices(db, client))).toEqual([])
    expect(await offlineAlarms(device.id)).toHaveLength(1)

    const online = sim.trigger(device.id, 'online')
    expect(await recorded(() => syncDevices(db, client))).toEqual([['alarm.updated', 'resolved']])
    expect(await recorded(() => ingestAll(online))).toEqual([])
    const after = await offlineAlarms(device.id)
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ state: 'resolved', openKey: null })
    expect(after[0].notes.map((n) => n.body)).toEqual(['Device back online (device sync)'])
  })

  it('a second outage after the first was resolved opens a new alarm', async () => {
    const device = DEMO_BUILDING.devices[1]
    sim.trigger(device.id, 'offline')
    expect(await recorded(() => syncDevices(db, client))).toEqual([['alarm.created', 'open']])
    expect((await offlineAlarms(device.id)).map((a) => a.state).sort()).toEqual(['open', 'resolved'])
    sim.trigger(device.id, 'online')
    await syncDevices(db, client)
  })
})
