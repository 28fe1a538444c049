// The server's face gate on real photos through the real detector (SSD MobileNet v1 + 68 landmarks in the
// worker thread): one frontal face is accepted; every other case is refused with the reason an admin can act on.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFaceDetector, type FaceDetector } from '@/lib/faces/face-detector'
import { checkFacePhoto, type FaceCheck } from '@/lib/faces/face-gate'
import { toEnrolmentPhoto } from '@/lib/faces/face-photo'
import { FACE_RULES } from '@/lib/faces/face-rules'
import { facePhotos, hostileFiles } from '@/lib/faces/fixtures/derived-images'

const codes = (check: FaceCheck) => (check.accepted ? [] : check.reasons.map((r) => r.code))

describe('checkFacePhoto', () => {
  let detector: FaceDetector
  let photos: Awaited<ReturnType<typeof facePhotos>>

  beforeAll(async () => {
    detector = createFaceDetector()
    photos = await facePhotos()
  })
  afterAll(() => detector.close())

  it('accepts one frontal face and keeps what it measured', { timeout: 60_000 }, async () => {
    const check = await checkFacePhoto(photos.oneFace, detector)
    expect(check).toMatchObject({ accepted: true, quality: { width: 640, height: 640 } })
    if (!check.accepted) return
    expect(check.quality.faceScore).toBeGreaterThan(0.9)
    expect(check.quality.faceSize).toBeGreaterThan(FACE_RULES.minFaceSize)
    expect(Math.abs(check.quality.rollDegrees)).toBeLessThan(FACE_RULES.maxRollDegrees)
    expect(Math.abs(check.quality.yaw)).toBeLessThan(FACE_RULES.maxYaw)
    expect(check.quality.brightness).toBeGreaterThan(FACE_RULES.minBrightness)
    expect(check.quality.sharpness).toBeGreaterThan(FACE_RULES.minSharpness)
  })

  it('accepts the same face as a PNG with transparency', { timeout: 60_000 }, async () => {
    expect(await checkFacePhoto(photos.png, detector)).toMatchObject({ accepted: true })
  })

  it.each([
    ['no face', 'noFace', ['no_face']],
    ['two faces side by side', 'twoFaces', ['several_faces']],
    ['a face turned away', 'turnedFace', ['face_turned']],
    ['a tilted head', 'tilted', ['head_tilted']],
    ['a face too small in the frame', 'smallFace', ['face_too_small']],
  ] as const)('refuses %s', { timeout: 60_000 }, async (_label, name, expected) => {
    expect(codes(await checkFacePhoto(photos[name], detector))).toEqual(expected)
  })

  it('refuses a dark photo as too dark, and a blurred one as blurred', { timeout: 60_000 }, async () => {
    expect(codes(await checkFacePhoto(photos.dark, detector))).toContain('too_dark')
    expect(codes(await checkFacePhoto(photos.blurred, detector))).toContain('blurry')
    expect(codes(await checkFacePhoto(photos.blurred, detector))).not.toContain('too_dark')
  })

  it('refuses a tiny photo by its size, without looking for a face', async () => {
    const check = await checkFacePhoto(photos.tiny, { detect: () => Promise.reject(new Error('must not run')) })
    expect(check).toEqual({
      accepted: false,
      reasons: [{ code: 'too_small', message: expect.stringContaining('200×200 px') }],
    })
  })

  describe('files that are not photos never reach the decoder or the detector', () => {
    const neverDetect = { detect: () => Promise.reject(new Error('must not run')) }

    it.each([
      ['an SVG', hostileFiles.svg, 'unsupported_format', /SVG/],
      ['a JPEG-headed web page (polyglot)', hostileFiles.polyglot, 'unreadable', /damaged/],
      ['a PNG header with garbage after it', hostileFiles.pngWithGarbage, 'unreadable', /damaged/],
      ['a decompression bomb (50 000 px PNG header)', hostileFiles.bomb, 'too_large', /50000×50000/],
      ['an empty file', hostileFiles.empty, 'unsupported_format', /empty/],
    ])('%s', async (_label, bytes, code, message) => {
      const check = await checkFacePhoto(bytes, neverDetect)
      expect(codes(check)).toEqual([code])
      expect(check.accepted ? '' : check.reasons[0].message).toMatch(message)
    })

    it('a file over the size cap, before anything else', async () => {
      const big = Buffer.concat([photos.oneFace, Buffer.alloc(FACE_RULES.maxBytes)])
      expect(codes(await checkFacePhoto(big, neverDetect))).toEqual(['file_too_large'])
    })
  })

  it('stores an upright, metadata-free JPEG of at most 1024 px with a thumbnail', { timeout: 60_000 }, async () => {
    expect(await checkFacePhoto(photos.rotatedWithMetadata, detector)).toMatchObject({ accepted: true })
    const stored = await toEnrolmentPhoto(photos.rotatedWithMetadata)
    const meta = await sharp(stored.data).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width: 640, height: 640 })
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(stored.data.includes('<script')).toBe(false)
    expect(stored.data.includes('GPS')).toBe(false)
    expect(await sharp(stored.thumbnail).metadata()).toMatchObject({ format: 'jpeg', width: 192, height: 192 })
    // Upright: the top rows are the grey-ish background above the head, not the orange suit.
    const { data } = await sharp(stored.data).extract({ left: 0, top: 0, width: 640, height: 40 }).raw().toBuffer({
      resolveWithObject: true,
    })
    const red = data.filter((_, i) => i % 3 === 0).reduce((a, b) => a + b, 0) / (data.length / 3)
    const blue = data.filter((_, i) => i % 3 === 2).reduce((a, b) => a + b, 0) / (data.length / 3)
    expect(red - blue).toBeLessThan(60)
  })

  it('caps the stored photo at 1024 px on its longer side', async () => {
    const large = await sharp(photos.oneFace).resize(2000, 2000).jpeg().toBuffer()
    expect(await sharp((await toEnrolmentPhoto(large)).data).metadata()).toMatchObject({ width: 1024, height: 1024 })
  })
})
