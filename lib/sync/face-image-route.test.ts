// GET /api/face-images/{credentialId}: the one unauthenticated image. It answers the enrolled photo only to a URL
// this server signed for that credential and that has not expired; a forged, altered, expired or far-future
// signature, another credential's signature, a revoked face, a suspended resident or bytes that are not an image
// all get the same 404. The answer is image bytes only and never cached.
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectDb, type Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { FACE_URL_TTL_MS, signFaceImageUrl, verifyFaceImageSignature } from '@/lib/sync/face-image-url'

const ROOT = path.resolve(__dirname, '../..')
const SECRET = 'face-image-route-secret-0123456789abcdefgh'
type Handler = (request: Request, context: { params: Promise<{ credentialId: string }> }) => Promise<Response>

describe('face image URL signatures', () => {
  const now = Date.UTC(2026, 5, 1)
  const url = new URL(
    signFaceImageUrl({ baseUrl: 'https://console.example/', credentialId: 'cred1', secret: SECRET, now }),
  )
  const verify = (over: Partial<Parameters<typeof verifyFaceImageSignature>[0]> = {}) =>
    verifyFaceImageSignature({
      credentialId: 'cred1',
      exp: url.searchParams.get('exp'),
      sig: url.searchParams.get('sig'),
      secret: SECRET,
      now,
      ...over,
    })

  it('accepts its own URL until it expires, and nothing else', () => {
    expect(url.origin + url.pathname).toBe('https://console.example/api/face-images/cred1')
    expect(verify()).toBe(true)
    expect(verify({ now: now + FACE_URL_TTL_MS - 1000 })).toBe(true)
    expect(verify({ now: now + FACE_URL_TTL_MS + 1000 })).toBe(false)
    expect(verify({ credentialId: 'cred2' })).toBe(false)
    expect(verify({ secret: `${SECRET}x` })).toBe(false)
    expect(verify({ exp: String(Number(url.searchParams.get('exp')) + 1) })).toBe(false)
    expect(verify({ sig: null })).toBe(false)
    expect(verify({ sig: 'A'.repeat(43) })).toBe(false)
    expect(verify({ exp: '1e99' })).toBe(false)
  })

  it('refuses an expiry further ahead than any URL it issues, even correctly signed', () => {
    const far = new URL(
      signFaceImageUrl({ baseUrl: 'http://x', credentialId: 'cred1', secret: SECRET, now, ttlMs: 24 * 3600_000 }),
    )
    expect(verify({ exp: far.searchParams.get('exp'), sig: far.searchParams.get('sig') })).toBe(false)
  })
})

describe.each(TEST_PROVIDERS)('GET /api/face-images/{credentialId} on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let GET: Handler
  let jpeg: Buffer

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
    await disconnectDb()
    delete (globalThis as { __appEnv?: unknown }).__appEnv
    process.env.DATABASE_URL = testDb.url
    process.env.NEXTAUTH_SECRET = SECRET
    jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#884422' } })
      .jpeg()
      .toBuffer()
    GET = ((await import(path.join(ROOT, 'app/api/face-images/[credentialId]/route.ts'))) as { GET: Handler }).GET
  })
  afterAll(async () => {
    await disconnectDb()
    await testDb?.drop()
  })

  async function face(bytes: Buffer, over: { revoked?: boolean; status?: string; kind?: string } = {}) {
    const resident = await db.resident.create({
      data: { name: 'Face Owner', externalId: `face-${Math.random()}`, status: over.status ?? 'active' },
    })
    const photo = await db.snapshot.create({
      data: { source: 'enrolment', state: 'stored', data: new Uint8Array(bytes) },
    })
    return db.credential.create({
      data: {
        residentId: resident.id,
        kind: over.kind ?? 'face',
        photoId: photo.id,
        revokedAt: over.revoked ? new Date() : null,
      },
    })
  }

  const fetchFace = (credentialId: string, signedFor = credentialId, now?: number) => {
    const url = signFaceImageUrl({ baseUrl: 'http://127.0.0.1:3000', credentialId: signedFor, secret: SECRET, now })
    const request = new Request(url.replace(`/${signedFor}?`, `/${credentialId}?`))
    return GET(request, { params: Promise.resolve({ credentialId }) })
  }

  it('serves the photo as image bytes, never cached', async () => {
    const credential = await face(jpeg)
    const response = await fetchFace(credential.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await response.arrayBuffer()).equals(jpeg)).toBe(true)
  })

  it('answers 404 to anything it did not sign for that credential, or that expired', async () => {
    const credential = await face(jpeg)
    const other = await face(jpeg)
    expect((await fetchFace(credential.id, other.id)).status).toBe(404)
    expect((await fetchFace(credential.id, credential.id, Date.now() - FACE_URL_TTL_MS - 60_000)).status).toBe(404)
    const unsigned = await GET(new Request(`http://127.0.0.1:3000/api/face-images/${credential.id}`), {
      params: Promise.resolve({ credentialId: credential.id }),
    })
    expect(unsigned.status).toBe(404)
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })

  it('answers 404 for a revoked face, a suspended resident, a card, or bytes that are not an image', async () => {
    const refused = [
      await face(jpeg, { revoked: true }),
      await face(jpeg, { status: 'suspended' }),
      await face(jpeg, { kind: 'card' }),
      await face(Buffer.from('<html><script>alert(1)</script></html>')),
    ]
    for (const credential of refused) expect((await fetchFace(credential.id)).status).toBe(404)
  })
})
