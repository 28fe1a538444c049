// The live stream handshake and catch-up (README "Live stream"), with a real socket.io server on a
// real HTTP server and real databases: no credentials → refused; an API token or a session cookie → connected;
// `auth.since` replays the missed events in order, each only to the roles holding its permission.
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encode } from 'next-auth/jwt'
import { io as connectClient, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { runChange } from '@/lib/domain/run-change'
import type { Role } from '@/lib/domain/enums'
import { attachLiveServer } from '@/lib/realtime/attach-live-server'
import { LIVE_EVENT_NAMES, type LiveEventName } from '@/lib/realtime/events'
import type { AccessEventItem } from '@/lib/access/schema'
import type { CallItem } from '@/lib/calls/schema'
import type { DeviceItem } from '@/lib/devices/schema'
import type { LiveServer } from '@/lib/realtime/io-registry'
import { appendLiveEvents, type PendingLiveEvent } from '@/lib/realtime/publish'

const SECRET = 'live-server-test-secret-0123456789abcdef'

type Received = { event: string; seq: number; id: string }
type ReadyInfo = { seq: number; replayed: number; truncated: boolean }

const accessItem = (id: string): AccessEventItem => ({
  id,
  occurredAt: '2026-11-25T10:00:00.000Z',
  receivedAt: '2026-11-25T10:00:01.000Z',
  deviceId: 'dev-1',
  deviceName: 'Main door',
  method: 'face',
  result: 'granted',
  residentId: null,
  residentName: null,
  snapshotUrl: null,
  backfilled: false,
})
const callItem = (id: string): CallItem => ({
  id,
  deviceId: 'dev-1',
  deviceName: 'Main door',
  deviceLocation: null,
  deviceCategory: 'door_station',
  state: 'ringing',
  startedAt: '2026-11-25T10:00:00.000Z',
  endedAt: null,
  answeredBy: null,
  snapshotUrl: null,
  backfilled: false,
  seenAt: null,
  seenBy: null,
  caller: null,
})
const deviceItem = (id: string): DeviceItem => ({
  id,
  tuyaId: `tuya-${id}`,
  name: 'Main door',
  category: 'door_station',
  location: null,
  online: true,
  lastSeenAt: null,
  battery: null,
})

describe.each(TEST_PROVIDERS)('live server on %s', (provider) => {
  let testDb: TestDatabase
  let httpServer: HttpServer
  let io: LiveServer
  let url: string
  const tokens = {} as Record<Role, string>
  const userIds = {} as Record<Role, string>
  const sockets: Socket[] = []

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET = SECRET
    delete process.env.NEXTAUTH_URL
    testDb = await createTestDatabase(provider)
    for (const role of ['guard', 'manager', 'admin'] as const) {
      const user = await testDb.db.user.create({
        data: { email: `${role}@example.test`, name: role, role, passwordHash: 'not-used-here' },
      })
      userIds[role] = user.id
      tokens[role] = (await createApiToken(testDb.db, user.id, `${role} socket`)).token
    }
    httpServer = createServer()
    io = await attachLiveServer(httpServer, testDb.db)
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
  })

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect()
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()))
    await testDb?.drop()
  })

  function open(options: { auth?: Record<string, unknown>; cookie?: string }) {
    const socket = connectClient(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: options.auth ?? {},
      extraHeaders: options.cookie ? { cookie: options.cookie } : undefined,
    })
    sockets.push(socket)
    return socket
  }

  /** Collects every live event until `stream.ready`, which the server sends after the catch-up. */
  function connectAndCollect(options: { auth?: Record<string, unknown>; cookie?: string }) {
    const socket = open(options)
    const received: Received[] = []
    for (const name of LIVE_EVENT_NAMES) {
      socket.on(name as never, (payload: { seq: number; id: string }) => {
        received.push({ event: name, seq: payload.seq, id: payload.id })
      })
    }
    const ready = new Promise<ReadyInfo>((resolve, reject) => {
      socket.on('stream.ready' as never, (info: ReadyInfo) => resolve(info))
      socket.on('connect_error', reject)
    })
    return { socket, received, ready }
  }

  function expectRefused(options: { auth?: Record<string, unknown>; cookie?: string }) {
    const socket = open(options)
    return new Promise<Error>((resolve, reject) => {
      socket.on('connect_error', resolve)
      socket.on('connect', () => reject(new Error('connected without valid credentials')))
    })
  }

  it('refuses a client without credentials', async () => {
    const error = await expectRefused({})
    expect(error.message).toMatch(/^unauthorized/)
  })

  it('refuses an unknown token and a forged session cookie', async () => {
    expect((await expectRefused({ auth: { token: 'tbc_unknown-token-000000000000000' } })).message).toMatch(
      /^unauthorized/,
    )
    expect((await expectRefused({ cookie: 'next-auth.session-token=forged' })).message).toMatch(/^unauthorized/)
  })

  it('connects with an API token and announces stream.ready', async () => {
    const { socket, ready } = connectAndCollect({ auth: { token: tokens.guard } })
    const info = await ready
    expect(socket.connected).toBe(true)
    expect(info).toEqual({ seq: expect.any(Number), replayed: 0, truncated: false })
  })

  it('connects with a session cookie', async () => {
    const jwt = await encode({
      token: { sub: userIds.manager, email: 'manager@example.test', role: 'manager' },
      secret: SECRET,
    })
    const { socket, ready } = connectAndCollect({ cookie: `other=1; next-auth.session-token=${jwt}` })
    await ready
    expect(socket.connected).toBe(true)
  })

  it('refuses a revoked token and a disabled user', async () => {
    const user = await testDb.db.user.create({
      data: { email: 'temp@example.test', name: 'temp', role: 'guard', passwordHash: 'x' },
    })
    const revoked = await createApiToken(testDb.db, user.id, 'revoked')
    await connectAndCollect({ auth: { token: revoked.token } }).ready
    await revokeApiToken(testDb.db, revoked.id)
    expect((await expectRefused({ auth: { token: revoked.token } })).message).toMatch(/^unauthorized/)

    const other = await createApiToken(testDb.db, user.id, 'owner disabled')
    await testDb.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
    expect((await expectRefused({ auth: { token: other.token } })).message).toMatch(/^unauthorized/)
  })

  it('replays the events after `since` in order, filtered by the permission each event needs', async () => {
    const [marker] = await appendLiveEvents(testDb.db, [{ event: 'access.created', payload: accessItem('before') }])
    const pending: PendingLiveEvent[] = [
      { event: 'access.created', payload: accessItem('a1') },
      { event: 'call.updated', payload: callItem('c1') },
      { event: 'device.updated', payload: deviceItem('d1') },
      { event: 'access.created', payload: accessItem('a2') },
      { event: 'call.updated', payload: callItem('c2') },
    ]
    const stored = await appendLiveEvents(testDb.db, pending)
    const expected = (events: LiveEventName[]) =>
      stored.filter((s) => events.includes(s.event)).map((s) => ({ event: s.event, seq: s.seq, id: s.payload.id }))

    const guard = connectAndCollect({ auth: { token: tokens.guard, since: marker.seq } })
    const guardReady = await guard.ready
    expect(guard.received).toEqual(expected(['access.created', 'call.updated', 'device.updated']))
    expect(guardReady).toMatchObject({ replayed: 5, truncated: false })
    expect(guardReady.seq).toBeGreaterThanOrEqual(stored.at(-1)!.seq)

    // Managers list devices (to filter the history by door), so they get device events, but never calls.
    const manager = connectAndCollect({ auth: { token: tokens.manager, since: marker.seq } })
    const managerReady = await manager.ready
    expect(manager.received).toEqual(expected(['access.created', 'device.updated']))
    expect(managerReady.replayed).toBe(3)

    // Without `since` nothing is replayed.
    const fresh = connectAndCollect({ auth: { token: tokens.admin } })
    expect((await fresh.ready).replayed).toBe(0)
    expect(fresh.received).toEqual([])
  })

  it('broadcasts live events only to the roles holding their permission', async () => {
    const guard = connectAndCollect({ auth: { token: tokens.guard } })
    const manager = connectAndCollect({ auth: { token: tokens.manager } })
    await Promise.all([guard.ready, manager.ready])

    const managerGotAccess = new Promise<void>((resolve) =>
      manager.socket.on('access.created' as never, () => resolve()),
    )
    const guardGotAccess = new Promise<void>((resolve) => guard.socket.on('access.created' as never, () => resolve()))
    // call.updated goes out first; the manager receiving the later access.created without it proves the filter.
    await runChange(testDb.db, async ({ publish }) =>
      publish(
        { event: 'call.updated', payload: callItem('live-call') },
        { event: 'device.updated', payload: deviceItem('live-device') },
        { event: 'access.created', payload: accessItem('live-access') },
      ),
    )
    const stored = (await testDb.db.liveEvent.findMany({ orderBy: { seq: 'desc' }, take: 3 })).reverse()
    await Promise.all([managerGotAccess, guardGotAccess])
    expect(manager.received.map((r) => r.id)).toEqual(['live-device', 'live-access'])
    expect(guard.received).toEqual(
      stored.map((s) => ({ event: s.event, seq: s.seq, id: (JSON.parse(s.payload) as { id: string }).id })),
    )
  })
})
