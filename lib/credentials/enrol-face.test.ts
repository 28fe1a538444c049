// Face enrolment end to end below HTTP, on real databases and the real detector: an accepted photo becomes a
// stored enrolment snapshot and a face credential with its quality and a pending push to the door; a refused one
// stores nothing and answers 422 with every reason; a busy checker answers 503 with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import { enrolFace, ENROLMENT_SOURCE, FaceRejectedError } from '@/lib/credentials/enrol-face'
import { faceErrorResponse } from '@/lib/credentials/face-error-response'
import { revokeCredential } from '@/lib/credentials/mutations'
import { readPhotoUpload } from '@/lib/credentials/photo-upload'
import { faceRejectionSchema } from '@/lib/credentials/schema'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { createFaceDetector, type FaceDetector } from '@/lib/faces/face-detector'
import { FACE_RULES } from '@/lib/faces/face-rules'
import { facePhotos } from '@/lib/faces/fixtures/derived-images'
import { readSnapshotImage } from '@/lib/snapshots/data'

const context = { ip: '10.0.0.8', userAgent: 'vitest' }
let detector: FaceDetector
let photos: Awaited<ReturnType<typeof facePhotos>>

beforeAll(async () => {
  detector = createFaceDetector()
  photos = await facePhotos()
})
afterAll(() => detector?.close())

describe.each(TEST_PROVIDERS)('enrolFace on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let admin: Actor
  let deviceId: string
  let n = 0

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
    const user = await db.user.create({
      data: { email: 'faces@example.test', name: 'Fay Faces', role: 'admin', passwordHash: 'x' },
    })
    admin = { userId: user.id, email: user.email, name: user.name, role: 'admin', via: 'session' }
    deviceId = (await db.device.create({ data: { tuyaId: 'door-f', name: 'Gate', category: 'face_terminal' } })).id
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  async function resident() {
    const row = await db.resident.create({ data: { name: `Face ${++n}`, externalId: `face-${provider}-${n}` } })
    await db.residentDeviceGrant.create({ data: { residentId: row.id, deviceId } })
    return row
  }

  it(
    'stores the accepted photo as an enrolment snapshot and the face with its quality',
    { timeout: 60_000 },
    async () => {
      const r = await resident()
      const window = { validFrom: '2026-01-01T00:00:00Z', validTo: '2027-01-01T00:00:00Z' }
      const item = await enrolFace(db, admin, r.id, photos.oneFace, window, context, detector)
      expect(item).toMatchObject({
        kind: 'face',
        residentId: r.id,
        photoId: expect.any(String),
        validFrom: '2026-01-01T00:00:00.000Z',
        validUntil: '2027-01-01T00:00:00.000Z',
        quality: { width: 640, height: 640, faceSize: expect.any(Number) },
      })
      if (item.kind !== 'face' || !item.photoId) throw new Error('not a face item')
      const snapshot = await db.snapshot.findUniqueOrThrow({ where: { id: item.photoId } })
      expect(snapshot).toMatchObject({ source: ENROLMENT_SOURCE, state: 'stored', contentType: 'image/jpeg' })
      expect(snapshot.thumbnail?.length).toBeGreaterThan(1000)
      await expect(readSnapshotImage(db, item.photoId, 'thumb')).resolves.toMatchObject({ contentType: 'image/jpeg' })
      const credential = await db.credential.findUniqueOrThrow({ where: { id: item.id } })
      expect(credential.value).toMatch(/^face-[0-9a-f]{16}$/)
      // Pending for the granted door, which had no sync row yet.
      expect(await db.deviceSync.findMany({ where: { residentId: r.id } })).toEqual([
        expect.objectContaining({ deviceId, state: 'pending' }),
      ])
      expect(
        await db.auditLog.findFirst({ where: { targetId: r.id, action: 'credential.face_enrolled' } }),
      ).toBeTruthy()

      await revokeCredential(db, admin, r.id, item.id, 'face', context)
      expect(await db.snapshot.findUnique({ where: { id: item.photoId } })).toBeNull()
      expect(await db.credential.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ photoId: null })
    },
  )

  it('stores nothing for a refused photo and answers 422 with every reason', { timeout: 60_000 }, async () => {
    const r = await resident()
    const refused = await enrolFace(db, admin, r.id, photos.twoFaces, {}, context, detector).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(FaceRejectedError)
    const response = faceErrorResponse(refused)
    expect(response.status).toBe(422)
    const body = faceRejectionSchema.parse(await response.json())
    expect(body.error.reasons.map((reason) => reason.code)).toEqual(['several_faces'])
    expect(await db.credential.count({ where: { residentId: r.id } })).toBe(0)
    expect(await db.snapshot.count({ where: { source: ENROLMENT_SOURCE, credentials: { none: {} } } })).toBe(0)
    expect(await db.deviceSync.count({ where: { residentId: r.id } })).toBe(0)
  })

  it('answers 404 for an unknown resident before checking the photo', async () => {
    const never = { ...detector, admit: () => Promise.reject(new Error('must not run')) }
    await expect(enrolFace(db, admin, 'nobody', photos.oneFace, {}, context, never)).rejects.toMatchObject({
      status: 404,
    })
  })
})

describe('a busy face checker', () => {
  it('answers 503 with Retry-After and checks nothing', async () => {
    const full = createFaceDetector({ maxInFlight: 0 })
    const busy = await full.admit(() => Promise.resolve()).catch((e: unknown) => e)
    const response = faceErrorResponse(busy)
    expect(response.status).toBe(503)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await response.json()).toMatchObject({ error: { code: 'busy' } })
    await full.close()
  })
})

describe('readPhotoUpload', () => {
  const upload = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://127.0.0.1/api/residents/r/faces', { method: 'POST', body, headers })

  it('reads the photo and the validity fields from a multipart body', async () => {
    const form = new FormData()
    form.set('image', new Blob([new Uint8Array(photos.oneFace)]), 'selfie.svg')
    form.set('validTo', '2030-01-01T00:00:00Z')
    const read = await readPhotoUpload(upload(form))
    expect(Buffer.from(read.photo).equals(photos.oneFace)).toBe(true)
    expect(read.validity).toEqual({ validFrom: null, validTo: '2030-01-01T00:00:00Z' })
  })

  it('refuses a body that is not multipart, or has no file in "image"', async () => {
    await expect(readPhotoUpload(upload('{}', { 'content-type': 'application/json' }))).rejects.toMatchObject({
      status: 400,
    })
    const form = new FormData()
    form.set('image', 'not a file')
    await expect(readPhotoUpload(upload(form))).rejects.toMatchObject({ status: 400 })
  })

  it('refuses an oversized body as a photo over the limit, without reading it all', async () => {
    const form = new FormData()
    form.set('image', new Blob([new Uint8Array(FACE_RULES.maxBytes + 100_000)]))
    const refused = await readPhotoUpload(upload(form)).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(FaceRejectedError)
    expect(refused).toMatchObject({ reasons: [{ code: 'file_too_large' }] })
    const declared = upload('x', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '99999999' })
    await expect(readPhotoUpload(declared)).rejects.toMatchObject({ reasons: [{ code: 'file_too_large' }] })
  })
})
