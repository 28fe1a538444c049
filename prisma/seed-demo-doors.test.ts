// The demo seed's doors agree with the simulator: every enrolment on a simulated device is a grant and a sync
// row whose `applied` names what that device holds; rows are synced where the register wants exactly that; and
// a sync worker started on the seeded database converges every row to synced without failures and without
// removing anything the devices held (it only adds what the register knows and a device lacks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unsealSecret } from '@/lib/auth/seal'
import { pinUniqueKey } from '@/lib/credentials/pin-secret'
import { TEST_PROVIDERS } from '@/lib/db/test-database'
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'
import { parseApplied } from '@/lib/sync/applied-state'
import { startSyncWorker } from '@/lib/sync/sync-worker'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { seedDemoBuilding } from '@/prisma/seed-demo'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const SEAL_KEY = 'demo-seed-doors-secret-0123456789abcdefgh'

describe.each(TEST_PROVIDERS)('demo seed doors on %s', (provider) => {
  let testDb: TestDatabase
  let sim: RunningSimulator

  beforeAll(async () => {
    ;[testDb, sim] = await Promise.all([
      createTestDatabase(provider),
      startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0, building: structuredClone(DEMO_BUILDING) }),
    ])
    expect(await seedDemoBuilding(testDb.db, SEAL_KEY)).toBe(true)
  })
  afterAll(async () => {
    await sim?.close()
    await testDb?.drop()
  })

  it('grants every enrolled device and records what each device holds', async () => {
    const db = testDb.db
    const enrolments = DEMO_BUILDING.devices.flatMap((d) => [
      ...d.persons.map((p) => [d.id, p.residentId]),
      ...d.members.map((m) => [d.id, m.residentId]),
    ])
    const rows = await db.deviceSync.findMany({ include: { device: { select: { tuyaId: true } } } })
    expect(rows.map((r) => [r.device.tuyaId, r.residentId]).sort()).toEqual(enrolments.sort())
    expect(await db.residentDeviceGrant.count()).toBe(enrolments.length)

    const terminal = DEMO_BUILDING.devices[0]
    const alice = terminal.persons[0]
    const row = rows.find((r) => r.device.tuyaId === terminal.id && r.residentId === alice.residentId)!
    const applied = parseApplied(row.applied)
    expect(Object.values(applied.faces)).toEqual([alice.faceId])
    expect(Object.values(applied.cards)).toEqual([alice.cardNo])
    expect(applied.pins).toHaveLength(1)
    expect(JSON.stringify(applied)).not.toContain(alice.pin!)
    // Elena has only her face, on one terminal and the gate: both already hold all she has.
    const elena = rows.filter((r) => r.residentId === 'res-elena-petrova')
    expect(elena.map((r) => r.state)).toEqual(['synced', 'synced'])
    const photos = await db.credential.findMany({ where: { kind: 'face' }, include: { photo: true } })
    expect(photos).toHaveLength(DEMO_BUILDING.residents.length)
    expect(photos.every((c) => c.photo?.state === 'stored' && (c.photo.data?.length ?? 0) > 1000)).toBe(true)
  })

  it("keeps each demo PIN's keyed digest, so an admin cannot give another resident a demo resident's PIN", async () => {
    const pins = await testDb.db.credential.findMany({ where: { kind: 'pin' } })
    expect(pins.length).toBeGreaterThan(0)
    for (const pin of pins) {
      const plain = unsealSecret(pin.secretSealed!, SEAL_KEY)
      expect(pin.uniqueKey).toBe(pinUniqueKey(plain, SEAL_KEY))
    }
  })

  it('converges to synced against the simulator without removing anything the devices held', async () => {
    const before = new Map(
      [...sim.state.devices].map(([id, d]) => [
        id,
        { persons: [...d.persons.keys()], cards: [...d.cards.keys()], pins: [...d.pins.keys()], faces: d.faces.size },
      ]),
    )
    const client = createTuyaClient({ baseUrl: sim.url, accessId: sim.accessId, accessSecret: sim.accessSecret })
    const worker = startSyncWorker(testDb.db, {
      api: client,
      secret: SEAL_KEY,
      faceBaseUrl: null, // every seeded face is already on its devices: a face to download would fail the row
      idleMs: 50,
      listen: false,
      log: () => undefined,
    })
    try {
      await waitUntil(
        async () => (await testDb.db.deviceSync.count({ where: { state: { not: 'synced' } } })) === 0,
        'every seeded row synced',
        30_000,
      )
    } finally {
      await worker.stop()
    }
    expect(await testDb.db.auditLog.count({ where: { action: 'sync.failed' } })).toBe(0)
    for (const [id, held] of before) {
      const device = sim.state.devices.get(id)!
      expect([...device.persons.keys()]).toEqual(expect.arrayContaining(held.persons))
      expect([...device.cards.keys()]).toEqual(expect.arrayContaining(held.cards))
      expect([...device.pins.keys()]).toEqual(expect.arrayContaining(held.pins))
      expect(device.faces.size).toBe(held.faces)
    }
    // Bruno's gate card now opens Block A too, where he is also enrolled.
    const blockA = sim.state.devices.get(DEMO_BUILDING.devices[0].id)!
    expect(blockA.cards.get('0C3D4E01')?.personId).toBe('hvp0002bruno')
  })
})
