// Face snapshots against the Tuya Cloud simulator and real databases: a capture referenced by a signed
// URL or by an encrypted Tuya file is fetched (and decrypted), stored with a ≤ 320 px thumbnail and announced by
// re-broadcasting its event; failures back off and give up after the maximum attempts; concurrent fetchers never
// fetch one snapshot twice; storing an image and announcing it are one change; the image is served only to signed-in roles through /api/snapshots/{id}.
import path from 'node:path'
import { NextRequest } from 'next/server'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '@/lib/auth/api-tokens'
import { disconnectDb, type Db } from '@/lib/db/client'
import { failInsertsInto } from '@/lib/db/inject-failure'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { createAllowedHosts, originAsAllowedHost } from '@/lib/snapshots/allowed-hosts'
import { createImageFetcher, fetchOneSnapshot, startSnapshotFetcher } from '@/lib/snapshots/snapshot-fetcher'
import { createTuyaClient, type TuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { createUser } from '@/lib/users/mutations'
import { recordingFetcher } from '@/lib/snapshots/fixtures/recording-fetcher'
import { seedDemoBuilding } from '@/prisma/seed-demo'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const panel = DEMO_BUILDING.devices.find((d) => d.category === 'mk')!
const doorStation = DEMO_BUILDING.devices.find((d) => d.category === 'sp')!
const ROOT = path.resolve(__dirname, '../..')
const AUTH_SECRET = 'snapshot-route-test-secret-0123456789abcdef'
const MAX_ATTEMPTS = 6

const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff

type RouteHandler = (request: NextRequest, context: { params: Promise<{ id: string }> }) => Promise<Response>

async function snapshotRoute(): Promise<RouteHandler> {
  // Loaded by path: lib/ may not import app/ statically (lint layering rule).
  const mod = (await import(path.join(ROOT, 'app/api/snapshots/[id]/route.ts'))) as { GET: RouteHandler }
  return mod.GET
}

async function ingestLive(db: Db, message: EmittedMessage) {
  const result = await ingestMessage(db, { source: 'mq', payload: message.payload, raw: message.payloadJson })
  expect(result.duplicate).toBe(false)
  return result
}

describe.each(TEST_PROVIDERS)('snapshot fetcher on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let sim: RunningSimulator
  let client: TuyaClient
  let jpeg: Buffer

  beforeAll(async () => {
    ;[testDb, sim, jpeg] = await Promise.all([
      createTestDatabase(provider),
      startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0 }),
      sharp({ create: { width: 640, height: 480, channels: 3, background: '#5a7d9a' } })
        .jpeg()
        .toBuffer(),
    ])
    db = testDb.db
    await seedDemoBuilding(db, 'snapshot-test-seal-key-0123456789abcdef')
    client = createTuyaClient({
      baseUrl: sim.url,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      retry: { maxRetries: 0 },
      // The simulator plays Tuya's media host too (demo mode allows its origin the same way).
      mediaPolicy: { allowedHosts: createAllowedHosts([originAsAllowedHost(sim.url)]) },
    })
  })

  afterAll(async () => {
    await disconnectDb()
    delete (globalThis as { __appEnv?: unknown }).__appEnv
    await sim?.close()
    await testDb?.drop()
  })

  it('fetches a face capture behind a signed URL, stores it with a thumbnail and re-broadcasts the access event', async () => {
    const [message] = sim.trigger(panel.id, 'face_unlock', 'res-alice-martin')
    const imageUrl = (message.payload as { bizData: { imageUrl?: string } }).bizData.imageUrl
    expect(imageUrl).toMatch(/\/_sim\/media\/.+\.jpg\?.*sig=/)
    const result = await ingestLive(db, message)
    const accessId = result.events.find((e) => e.kind === 'access')!.id
    const access = await db.accessEvent.findUniqueOrThrow({ where: { id: accessId }, include: { snapshot: true } })
    expect(access.snapshot).toMatchObject({ state: 'pending', source: `url:${imageUrl}`, attempts: 0, data: null })

    const live = recordLiveEmissions()
    const fetcher = startSnapshotFetcher(db, createImageFetcher(client), { idleMs: 50 })
    try {
      await waitUntil(
        async () => (await db.snapshot.findUniqueOrThrow({ where: { id: access.snapshotId! } })).state === 'stored',
        'snapshot stored',
      )
      await waitUntil(() => live.emitted.some((e) => e.event === 'access.updated'), 'access.updated broadcast')
    } finally {
      await fetcher.stop()
      live.stop()
    }

    const stored = await db.snapshot.findUniqueOrThrow({ where: { id: access.snapshotId! } })
    expect(stored).toMatchObject({ state: 'stored', contentType: 'image/jpeg', error: null })
    expect(isJpeg(stored.data!)).toBe(true)
    expect(stored.size).toBe(stored.data!.length)
    const full = await sharp(Buffer.from(stored.data!)).metadata()
    const thumb = await sharp(Buffer.from(stored.thumbnail!)).metadata()
    expect(full.format).toBe('jpeg')
    expect(thumb.format).toBe('jpeg')
    expect(thumb.width).toBeGreaterThan(0)
    expect(thumb.width).toBeLessThanOrEqual(320)
    expect(thumb.height).toBeLessThanOrEqual(320)

    const updates = live.emitted.filter((e) => e.event === 'access.updated')
    expect(updates).toHaveLength(1)
    expect(updates[0].payload).toMatchObject({
      id: accessId,
      snapshotUrl: `/api/snapshots/${stored.id}`,
      residentId: 'res-alice-martin',
    })
    expect(updates[0].rooms).toEqual(expect.arrayContaining(['role:guard', 'role:admin', 'role:manager']))
  })

  it('backs off after each failure (403 expired signature) and gives up as failed after the maximum attempts', async () => {
    const [message] = sim.trigger(panel.id, 'card_unlock', 'res-bruno-costa')
    const imageUrl = new URL((message.payload as { bizData: { imageUrl: string } }).bizData.imageUrl)
    imageUrl.searchParams.set('sig', '0'.repeat(64)) // a signature the cloud no longer honours
    const snapshot = await db.snapshot.create({ data: { source: `url:${imageUrl.toString()}` } })
    const fetchImage = createImageFetcher(client)

    const delays: number[] = []
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await db.snapshot.findUniqueOrThrow({ where: { id: snapshot.id } })
      const before = Date.now()
      await fetchOneSnapshot(db, fetchImage, { id: current.id, source: current.source, attempts: current.attempts })
      const after = await db.snapshot.findUniqueOrThrow({ where: { id: snapshot.id } })
      expect(after.attempts).toBe(attempt)
      expect(after.error).toMatch(/403/)
      expect(after.data).toBeNull()
      if (attempt < MAX_ATTEMPTS) {
        expect(after.state).toBe('pending')
        expect(after.nextAttemptAt).not.toBeNull()
        delays.push(after.nextAttemptAt!.getTime() - before)
      } else {
        expect(after.state).toBe('failed')
        expect(after.nextAttemptAt).toBeNull()
      }
    }
    // Exponential: every retry waits (at least) twice as long as the one before.
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1] * 1.5)
    expect(delays[0]).toBeGreaterThan(0)

    // A failed snapshot is never picked up again.
    const recorder = recordingFetcher(jpeg)
    const fetcher = startSnapshotFetcher(db, recorder.fetchImage, { idleMs: 20 })
    const probe = await db.snapshot.create({ data: { source: 'url:probe-after-failed' } })
    await waitUntil(
      async () => (await db.snapshot.findUniqueOrThrow({ where: { id: probe.id } })).state === 'stored',
      'probe stored',
    )
    await fetcher.stop()
    expect(recorder.calls).not.toContain(snapshot.source)
  })

  it('resolves a door station doorbell_pic file reference through movement-configs and decrypts it', async () => {
    const [ring] = sim.trigger(doorStation.id, 'doorbell')
    const status = (ring.payload as { status: { code: string; value: unknown }[] }).status
    expect(status.map((s) => s.code)).toContain('doorbell_pic')
    const result = await ingestLive(db, ring)
    const callId = result.events.find((e) => e.kind === 'call')!.id
    const call = await db.call.findUniqueOrThrow({ where: { id: callId }, include: { snapshot: true } })
    expect(call.snapshot).toMatchObject({ state: 'pending' })
    expect(call.snapshot!.source).toMatch(new RegExp(`^tuya:${doorStation.id}:`))

    // What the cloud stores is not an image: it is encrypted.
    const ref = JSON.parse(call.snapshot!.source.slice(`tuya:${doorStation.id}:`.length)) as {
      bucket: string
      path: string
      fileKey: string
    }
    const signedUrl = await client.signStoredImage(doorStation.id, ref.bucket, ref.path)
    const raw = Buffer.from(await (await fetch(signedUrl)).arrayBuffer())
    expect(raw.length).toBeGreaterThan(0)
    expect(isJpeg(raw)).toBe(false)

    const live = recordLiveEmissions()
    try {
      await fetchOneSnapshot(db, createImageFetcher(client), {
        id: call.snapshot!.id,
        source: call.snapshot!.source,
        attempts: 0,
      })
    } finally {
      live.stop()
    }
    const stored = await db.snapshot.findUniqueOrThrow({ where: { id: call.snapshot!.id } })
    expect(stored).toMatchObject({ state: 'stored', contentType: 'image/jpeg', error: null })
    expect(isJpeg(stored.data!)).toBe(true)
    expect((await sharp(Buffer.from(stored.data!)).metadata()).format).toBe('jpeg')
    expect((await sharp(Buffer.from(stored.thumbnail!)).metadata()).width).toBeLessThanOrEqual(320)
    const updates = live.emitted.filter((e) => e.event === 'call.updated')
    expect(updates.map((e) => [e.payload.id, e.payload.snapshotUrl])).toEqual([[callId, `/api/snapshots/${stored.id}`]])
  })

  it('stores nothing and announces nothing when the outbox write fails mid-change; the retry stores and announces it', async () => {
    const snapshot = await db.snapshot.create({ data: { source: `url:outbox-fails-${provider}` } })
    const access = await db.accessEvent.create({
      data: {
        deviceTuyaId: panel.id,
        occurredAt: new Date(),
        method: 'face',
        result: 'granted',
        sourceCode: 'test',
        snapshotId: snapshot.id,
      },
    })
    const recorder = recordingFetcher(jpeg)
    const restore = await failInsertsInto(db, provider, 'LiveEvent')
    const live = recordLiveEmissions()
    try {
      // The failed store counts as a failed attempt: it is retried after a back-off, like a failed download.
      await fetchOneSnapshot(db, recorder.fetchImage, { id: snapshot.id, source: snapshot.source, attempts: 0 })
    } finally {
      live.stop()
      await restore()
    }
    expect(live.emitted).toEqual([])
    expect(await db.snapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).toMatchObject({
      state: 'pending',
      attempts: 1,
      data: null,
      thumbnail: null,
      storedAt: null,
    })
    expect(await db.liveEvent.count({ where: { payload: { contains: access.id } } })).toBe(0)

    const retry = recordLiveEmissions()
    try {
      await fetchOneSnapshot(db, recorder.fetchImage, { id: snapshot.id, source: snapshot.source, attempts: 1 })
    } finally {
      retry.stop()
    }
    expect(await db.snapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).toMatchObject({
      state: 'stored',
      error: null,
    })
    expect(retry.emitted.map((e) => [e.event, e.payload.id, e.payload.snapshotUrl])).toEqual([
      ['access.updated', access.id, `/api/snapshots/${snapshot.id}`],
    ])
  })

  it('GET /api/snapshots/{id} serves the stored image to a signed-in role and 401 without credentials', async () => {
    await disconnectDb()
    delete (globalThis as { __appEnv?: unknown }).__appEnv
    process.env.DATABASE_URL = testDb.url
    process.env.NEXTAUTH_SECRET = AUTH_SECRET
    delete process.env.NEXTAUTH_URL

    const thumbnail = await sharp(jpeg).resize({ width: 320 }).jpeg().toBuffer()
    const snapshot = await db.snapshot.create({
      data: {
        source: 'url:route-check',
        state: 'stored',
        contentType: 'image/jpeg',
        data: new Uint8Array(jpeg),
        thumbnail: new Uint8Array(thumbnail),
        size: jpeg.length,
      },
    })
    const pending = await db.snapshot.create({ data: { source: 'url:route-pending' } })
    const user = await createUser(db, {
      email: `manager-snap-${provider}@example.test`,
      password: 'long-enough-password',
      role: 'manager',
    })
    const { token } = await createApiToken(db, user.id, 'snapshot route test')
    const GET = await snapshotRoute()
    const call = (id: string, headers: Record<string, string>, query = '') =>
      GET(new NextRequest(`http://127.0.0.1/api/snapshots/${id}${query}`, { headers }), {
        params: Promise.resolve({ id }),
      })
    const bearer = { authorization: `Bearer ${token}` }

    const full = await call(snapshot.id, bearer)
    expect(full.status).toBe(200)
    expect(full.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await full.arrayBuffer()).equals(jpeg)).toBe(true)

    const thumb = await call(snapshot.id, bearer, '?size=thumb')
    expect(thumb.status).toBe(200)
    expect(Buffer.from(await thumb.arrayBuffer()).equals(thumbnail)).toBe(true)

    expect((await call(pending.id, bearer)).status).toBe(404)

    const anonymous = await call(snapshot.id, {})
    expect(anonymous.status).toBe(401)
    const body = (await anonymous.json()) as { error?: { code?: string } }
    expect(body.error?.code).toBe('unauthorized')
    expect((await call(snapshot.id, { authorization: 'Bearer tbc_not-a-real-token-0000000000000' })).status).toBe(401)
  })
})
