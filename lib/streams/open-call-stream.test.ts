// Opening a call's live view on real databases, against the simulator (signed OpenAPI calls, the real client):
// a ringing door-station call gets a proxy link (never Tuya's URL) and an audit row; a finished call, a device
// without a camera, an offline camera and a stream host outside the allow-list are refused with nothing audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { createAllowedHosts, originAsAllowedHost } from '@/lib/snapshots/allowed-hosts'
import { openCallStream, type OpenStreamDeps } from '@/lib/streams/mutations'
import { openStreamToken } from '@/lib/streams/stream-token'
import { createStreamHosts } from '@/lib/streams/stream-hosts'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { createStreamApi } from '@/lib/tuya/openapi/openapi-streams'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const station = DEMO_BUILDING.devices.find((d) => d.category === 'sp')!
const lock = DEMO_BUILDING.devices.find((d) => d.category === 'jtmspro')!
const SECRET = 'open-stream-test-secret-0123456789'

describe.each(TEST_PROVIDERS)('openCallStream on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let sim: RunningSimulator
  let guard: Actor
  let deps: OpenStreamDeps
  const devices: Record<string, string> = {}

  const ringing = (deviceId: string, state = 'ringing') =>
    db.call.create({ data: { deviceId, state, startedAt: new Date(), lastSignalAt: new Date() } })
  const audits = () => db.auditLog.count({ where: { action: 'call.live_view_opened' } })

  beforeAll(async () => {
    ;[testDb, sim] = await Promise.all([createTestDatabase(provider), startSimulator({ port: 0 })])
    db = testDb.db
    for (const [key, def, category] of [
      ['station', station, 'door_station'],
      ['lock', lock, 'smart_lock'],
    ] as const) {
      devices[key] = (await db.device.create({ data: { tuyaId: def.id, name: def.name, category } })).id
    }
    const user = await db.user.create({
      data: { email: 'g@example.test', name: 'Gina', role: 'guard', passwordHash: 'x' },
    })
    guard = { userId: user.id, email: user.email, name: user.name, role: 'guard', via: 'session' }
    const tuya = createTuyaClient({ baseUrl: sim.url, accessId: sim.accessId, accessSecret: sim.accessSecret })
    deps = {
      api: createStreamApi(tuya.request),
      secret: SECRET,
      allowedHosts: createStreamHosts([originAsAllowedHost(sim.url)]),
    }
  })
  afterAll(async () => {
    await sim?.close()
    await testDb?.drop()
  })

  it('gives a ringing door-station call a sealed proxy link to the simulator stream and audits it', async () => {
    const call = await ringing(devices.station)
    const stream = await openCallStream(db, () => deps, guard, call.id, { ip: '203.0.113.5' })
    expect(stream.url).toMatch(/^\/api\/streams\/v1\./)
    expect(stream.url).not.toContain(sim.url)
    const opened = openStreamToken(
      decodeURIComponent(stream.url.slice('/api/streams/'.length)),
      SECRET,
      guard.userId,
      Date.now(),
    )
    expect(opened).toMatchObject({ ok: true, token: { k: 'playlist', uid: guard.userId } })
    expect(opened.ok && opened.token.u).toMatch(new RegExp(`^${sim.url}/hls/${station.id}/.+\\.m3u8\\?signInfo=`))
    expect(await db.auditLog.findMany({ where: { action: 'call.live_view_opened', targetId: call.id } })).toEqual([
      expect.objectContaining({ actorId: guard.userId, ip: '203.0.113.5' }),
    ])
  })

  it('refuses a finished call, a lock, an offline camera and a host outside the allow-list; audits none', async () => {
    const before = await audits()
    const ended = await ringing(devices.station, 'missed')
    await expect(openCallStream(db, () => deps, guard, ended.id, {})).rejects.toMatchObject({ status: 409 })
    const lockCall = await ringing(devices.lock)
    await expect(openCallStream(db, () => deps, guard, lockCall.id, {})).rejects.toMatchObject({
      status: 422,
      code: 'stream_unsupported',
    })
    const elsewhere = { ...deps, allowedHosts: createAllowedHosts([]) }
    const live = await ringing(devices.station)
    await expect(openCallStream(db, () => elsewhere, guard, live.id, {})).rejects.toMatchObject({
      status: 502,
      code: 'stream_host_refused',
    })
    sim.state.devices.get(station.id)!.online = false
    try {
      await expect(openCallStream(db, () => deps, guard, live.id, {})).rejects.toMatchObject({
        status: 502,
        code: 'tuya_error',
        details: { code: 2001 },
      })
    } finally {
      sim.state.devices.get(station.id)!.online = true
    }
    expect(await audits()).toBe(before)
  })
})
