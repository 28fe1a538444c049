// Offboarding reaches open consoles: a real socket.io server on a real database drops, within 5 s, the sockets
// of a user who was disabled, re-roled or had their sessions ended, and sockets whose API token was revoked,
// while everyone else stays connected.
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encode } from 'next-auth/jwt'
import { io as connectClient, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import type { Role } from '@/lib/domain/enums'
import { attachLiveServer } from '@/lib/realtime/attach-live-server'
import type { LiveServer } from '@/lib/realtime/io-registry'
import { SOCKET_REVALIDATE_MS } from '@/lib/realtime/revalidate-sockets'

const SECRET = 'revalidate-test-secret-0123456789abcdef'
const WITHIN_MS = 5_000

describe.each(TEST_PROVIDERS)('open sockets after offboarding on %s', (provider) => {
  let testDb: TestDatabase
  let httpServer: HttpServer
  let io: LiveServer
  let url: string
  const sockets: Socket[] = []

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET = SECRET
    delete process.env.NEXTAUTH_URL
    testDb = await createTestDatabase(provider)
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

  async function createUser(role: Role) {
    const email = `${role}-${Math.random().toString(36).slice(2)}@example.test`
    return testDb.db.user.create({ data: { email, name: role, role, passwordHash: 'not-used-here' } })
  }

  async function connect(options: { token?: string; user?: { id: string; role: string; sv?: number } }) {
    let cookie: string | undefined
    if (options.user) {
      const jwt = await encode({
        token: { sub: options.user.id, role: options.user.role as Role, sv: options.user.sv ?? 0 },
        secret: SECRET,
      })
      cookie = `next-auth.session-token=${jwt}`
    }
    const socket = connectClient(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: options.token ? { token: options.token } : {},
      extraHeaders: cookie ? { cookie } : undefined,
    })
    sockets.push(socket)
    await new Promise<void>((resolve, reject) => {
      socket.once('stream.ready', () => resolve())
      socket.once('connect_error', reject)
    })
    return socket
  }

  function disconnectedWithin(socket: Socket, ms: number): Promise<number> {
    const started = Date.now()
    return new Promise((resolve, reject) => {
      if (!socket.connected) return resolve(0)
      const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms)
      socket.once('disconnect', () => {
        clearTimeout(timer)
        resolve(Date.now() - started)
      })
    })
  }

  it('drops a disabled user’s session socket and keeps a colleague’s', async () => {
    const leaving = await createUser('guard')
    const staying = await createUser('guard')
    const gone = await connect({ user: leaving })
    const kept = await connect({ user: staying })

    await testDb.db.user.update({ where: { id: leaving.id }, data: { disabledAt: new Date() } })
    expect(await disconnectedWithin(gone, WITHIN_MS)).toBeLessThanOrEqual(WITHIN_MS)
    await new Promise((resolve) => setTimeout(resolve, SOCKET_REVALIDATE_MS + 500))
    expect(kept.connected).toBe(true)
  })

  it('drops the sockets of a user whose role changed, and of one whose sessions were ended', async () => {
    const promoted = await createUser('guard')
    const ended = await createUser('admin')
    const first = await connect({ user: promoted })
    const second = await connect({ user: ended })

    await testDb.db.user.update({ where: { id: promoted.id }, data: { role: 'manager' } })
    await testDb.db.user.update({ where: { id: ended.id }, data: { sessionVersion: { increment: 1 } } })
    await Promise.all([disconnectedWithin(first, WITHIN_MS), disconnectedWithin(second, WITHIN_MS)])
  })

  it('drops a socket whose API token was revoked, not one on another token of the same user', async () => {
    const integration = await createUser('manager')
    const revoked = await createApiToken(testDb.db, integration.id, 'old bms')
    const other = await createApiToken(testDb.db, integration.id, 'new bms')
    const gone = await connect({ token: revoked.token })
    const kept = await connect({ token: other.token })

    await revokeApiToken(testDb.db, revoked.id)
    await disconnectedWithin(gone, WITHIN_MS)
    expect(kept.connected).toBe(true)
  })

  it('refuses a session cookie signed before the user’s sessions were ended', async () => {
    const user = await createUser('guard')
    await testDb.db.user.update({ where: { id: user.id }, data: { sessionVersion: 3 } })
    await expect(connect({ user: { ...user, sv: 2 } })).rejects.toThrow(/unauthorized/)
    expect((await connect({ user: { ...user, sv: 3 } })).connected).toBe(true)
  })
})
