// A snapshot URL comes from a device message or a signed webhook, so it is hostile input. Against real local
// HTTP servers and real databases: hosts that are not allowed are never contacted, redirects cannot leave the
// allowed hosts, bodies are capped and timed out, and only bytes that ARE an image are stored and served, with
// an image type taken from the bytes, nosniff and a sandboxing CSP, whatever the remote server claimed.
import path from 'node:path'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '@/lib/auth/api-tokens'
import { disconnectDb, type Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { createAllowedHosts, parseAllowedHostList } from '@/lib/snapshots/allowed-hosts'
import { createHtmlJpegPolyglot } from '@/lib/snapshots/fixtures/html-jpeg-polyglot'
import {
  createJpeg,
  type LocalServer,
  startLocalServer,
  streamEndlessJpeg,
} from '@/lib/snapshots/fixtures/local-image-server'
import { createImageFetcher, fetchOneSnapshot, MAX_SNAPSHOT_BYTES } from '@/lib/snapshots/snapshot-fetcher'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { createUser } from '@/lib/users/mutations'

const ROOT = path.resolve(__dirname, '../..')
const PAGE = '<html><body><script>document.title="pwned";fetch("/api/devices")</script></body></html>'

type RouteHandler = (request: NextRequest, context: { params: Promise<{ id: string }> }) => Promise<Response>

/** The real image fetcher of the app, allowed only the listed hosts (plus Tuya's media hosts). */
function fetcherAllowing(listed: string[], timeoutMs = 2_000) {
  const client = createTuyaClient({
    baseUrl: 'http://127.0.0.1:9',
    accessId: 'hostile-test-id',
    accessSecret: 'hostile-test-secret-0123456789ab',
    mediaPolicy: { allowedHosts: createAllowedHosts(parseAllowedHostList(listed.join(','))), timeoutMs },
  })
  return createImageFetcher(client)
}

describe.each(TEST_PROVIDERS)('snapshot sources are hostile input, on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let jpeg: Buffer
  let GET: RouteHandler
  let bearer: Record<string, string>
  const servers: LocalServer[] = []

  async function server(handler: Parameters<typeof startLocalServer>[0]) {
    const started = await startLocalServer(handler)
    servers.push(started)
    return started
  }

  async function fetchOnce(source: string, fetchImage: ReturnType<typeof fetcherAllowing>) {
    const row = await db.snapshot.create({ data: { source } })
    await fetchOneSnapshot(db, fetchImage, { id: row.id, source, attempts: 0 })
    return db.snapshot.findUniqueOrThrow({ where: { id: row.id } })
  }

  const serve = (id: string, query = '') =>
    GET(new NextRequest(`http://127.0.0.1/api/snapshots/${id}${query}`, { headers: bearer }), {
      params: Promise.resolve({ id }),
    })

  beforeAll(async () => {
    ;[testDb, jpeg] = await Promise.all([createTestDatabase(provider), createJpeg()])
    db = testDb.db
    delete (globalThis as { __appEnv?: unknown }).__appEnv
    process.env.DATABASE_URL = testDb.url
    process.env.NEXTAUTH_SECRET = 'hostile-snapshot-test-secret-0123456789abcdef'
    const user = await createUser(db, {
      email: `guard-hostile-${provider}@example.test`,
      password: 'long-enough-password',
      role: 'guard',
    })
    bearer = { authorization: `Bearer ${(await createApiToken(db, user.id, 'hostile snapshot test')).token}` }
    // Loaded by path: lib/ may not import app/ statically (lint layering rule).
    GET = ((await import(path.join(ROOT, 'app/api/snapshots/[id]/route.ts'))) as { GET: RouteHandler }).GET
  })

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()))
    await disconnectDb()
    delete (globalThis as { __appEnv?: unknown }).__appEnv
    await testDb?.drop()
  })

  it('never connects to a loopback URL that is not an allowed host, and fails it for good', async () => {
    const internal = await server((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg))
    const stored = await fetchOnce(`url:${internal.origin}/face.jpg`, fetcherAllowing([]))
    expect(stored).toMatchObject({ state: 'failed', data: null })
    expect(stored.error).toMatch(/not an allowed snapshot host/)
    expect(internal.requests).toHaveLength(0)
  })

  it('does not follow a redirect from an allowed host to one that is not allowed', async () => {
    const target = await server((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg))
    const allowed = await server((_req, res) =>
      res.writeHead(302, { location: `http://localhost:${target.port}/metadata.jpg` }).end(),
    )
    const stored = await fetchOnce(`url:${allowed.origin}/face.jpg`, fetcherAllowing([allowed.host]))
    expect(stored.state).toBe('failed')
    expect(stored.error).toMatch(/redirect.*not an allowed snapshot host/)
    expect(allowed.requests).toHaveLength(1)
    expect(target.requests).toHaveLength(0)
  })

  it('follows a redirect between allowed hosts, a bounded number of times', async () => {
    const target = await server((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg))
    const hop = await server((_req, res) => res.writeHead(307, { location: `${target.origin}/face.jpg` }).end())
    const stored = await fetchOnce(`url:${hop.origin}/face.jpg`, fetcherAllowing([hop.host, target.host]))
    expect(stored).toMatchObject({ state: 'stored', contentType: 'image/jpeg' })

    const loop = await server((req, res) => res.writeHead(302, { location: `${req.url}x` }).end())
    const looping = await fetchOnce(`url:${loop.origin}/a`, fetcherAllowing([loop.host]))
    expect(looping.state).toBe('failed')
    expect(looping.error).toMatch(/too many redirects/)
    expect(loop.requests.length).toBeLessThanOrEqual(4)
  })

  it('stops reading a body larger than the cap and fails the snapshot', async () => {
    const endless = await server((_req, res, sent) => streamEndlessJpeg(res, sent))
    const stored = await fetchOnce(`url:${endless.origin}/huge.jpg`, fetcherAllowing([endless.host], 15_000))
    expect(stored).toMatchObject({ state: 'failed', data: null })
    expect(stored.error).toMatch(/larger than 5 MiB/)
    // The connection was cut: the server did not get to send its 64 MiB.
    expect(endless.bytesSent()).toBeLessThan(MAX_SNAPSHOT_BYTES * 3)
  })

  it('gives up on a server that never answers within the timeout, and retries later', async () => {
    const silent = await server(() => undefined)
    const started = Date.now()
    const stored = await fetchOnce(`url:${silent.origin}/slow.jpg`, fetcherAllowing([silent.host], 300))
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(stored).toMatchObject({ state: 'pending', attempts: 1 })
    expect(stored.error).toMatch(/no answer within 300 ms/)
  })

  it('keeps HTML sent as Content-Type image/jpeg as a failed snapshot with its reason, never served', async () => {
    const liar = await server((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(PAGE))
    const stored = await fetchOnce(`url:${liar.origin}/face.jpg`, fetcherAllowing([liar.host]))
    expect(stored).toMatchObject({ state: 'failed', attempts: 1, data: null, thumbnail: null })
    expect(stored.error).toMatch(/not an image \(HTML\/SVG markup\)/)
    expect((await serve(stored.id)).status).toBe(404)
  })

  it('stores an image that is also an HTML page (sent as text/html) as image/jpeg, served as an inert image', async () => {
    const polyglot = createHtmlJpegPolyglot(jpeg, PAGE)
    const host = await server((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(polyglot))
    const stored = await fetchOnce(`url:${host.origin}/face.jpg`, fetcherAllowing([host.host]))
    expect(stored).toMatchObject({ state: 'stored', contentType: 'image/jpeg' })

    const response = await serve(stored.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(Buffer.from(await response.arrayBuffer()).equals(polyglot)).toBe(true)
  })

  it('never serves a stored row whose bytes are not an image, whatever content type it was stored with', async () => {
    const legacy = await db.snapshot.create({
      data: {
        source: 'url:stored-before-the-fix',
        state: 'stored',
        contentType: 'text/html',
        data: new Uint8Array(Buffer.from(PAGE)),
        thumbnail: new Uint8Array(Buffer.from(PAGE)),
        size: PAGE.length,
      },
    })
    expect((await serve(legacy.id)).status).toBe(404)
    expect((await serve(legacy.id, '?size=thumb')).status).toBe(404)
  })
})
