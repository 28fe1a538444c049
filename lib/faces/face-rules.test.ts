// The pure face rules shared by the server gate and the browser: pose from landmarks, focus, light, sizes.
import { describe, expect, it } from 'vitest'
import {
  dimensionReasons,
  FACE_RULES,
  faceReasons,
  fileSizeReasons,
  headPose,
  laplacianVariance,
  lightReasons,
  meanLuma,
  type DetectedFace,
  type Point,
} from '@/lib/faces/face-rules'
import { sniffPhotoFormat } from '@/lib/faces/image-format'

/** 68 landmarks with only the eyes (36–47) and the nose tip (30) placed; the rest at the nose. */
function landmarks(leftEye: Point, rightEye: Point, nose: Point): Point[] {
  return Array.from({ length: 68 }, (_, i) => (i >= 36 && i <= 41 ? leftEye : i >= 42 && i <= 47 ? rightEye : nose))
}

function rotate(p: Point, degrees: number, about: Point): Point {
  const a = (degrees * Math.PI) / 180
  const dx = p.x - about.x
  const dy = p.y - about.y
  return { x: about.x + dx * Math.cos(a) - dy * Math.sin(a), y: about.y + dx * Math.sin(a) + dy * Math.cos(a) }
}

const face = (points: Point[], size = 200, score = 0.99): DetectedFace => ({
  score,
  box: { x: 100, y: 100, width: size, height: size },
  landmarks: points,
})

describe('headPose', () => {
  it('reads a level, centred face as frontal', () => {
    expect(headPose(landmarks({ x: 100, y: 100 }, { x: 160, y: 100 }, { x: 130, y: 140 }))).toEqual({
      rollDegrees: 0,
      yaw: 0,
    })
  })

  it('measures roll from the eye line and yaw across it, so a tilted frontal head has no yaw', () => {
    const about = { x: 130, y: 120 }
    const tilted = [
      { x: 100, y: 100 },
      { x: 160, y: 100 },
      { x: 130, y: 140 },
    ].map((p) => rotate(p, 20, about))
    const pose = headPose(landmarks(tilted[0], tilted[1], tilted[2]))
    expect(pose.rollDegrees).toBeCloseTo(20, 5)
    expect(pose.yaw).toBeCloseTo(0, 5)
  })

  it('reads a nose off the eyes’ midpoint as a turned face', () => {
    expect(headPose(landmarks({ x: 100, y: 100 }, { x: 160, y: 100 }, { x: 148, y: 140 })).yaw).toBeCloseTo(0.3, 5)
  })
})

describe('faceReasons', () => {
  const frontal = landmarks({ x: 150, y: 160 }, { x: 250, y: 160 }, { x: 200, y: 220 })

  it('accepts one large frontal face and reports its measures', () => {
    expect(faceReasons([face(frontal)], 640, 640)).toEqual({
      reasons: [],
      face: { faceScore: 0.99, faceSize: 0.313, rollDegrees: 0, yaw: 0 },
    })
  })

  it('does not count faces under the confidence threshold', () => {
    const weak = face(frontal, 200, FACE_RULES.minFaceScore - 0.01)
    expect(faceReasons([face(frontal), weak], 640, 640).reasons).toEqual([])
    expect(faceReasons([weak], 640, 640).reasons.map((r) => r.code)).toEqual(['no_face'])
  })

  it('says how many faces it found', () => {
    expect(faceReasons([face(frontal), face(frontal), face(frontal)], 640, 640).reasons).toEqual([
      { code: 'several_faces', message: '3 faces were found: the photo must show one person only.' },
    ])
  })

  it('gives every pose and size reason at once', () => {
    const turnedAndTilted = landmarks({ x: 150, y: 160 }, { x: 250, y: 200 }, { x: 240, y: 240 })
    expect(faceReasons([face(turnedAndTilted, 100)], 640, 640).reasons.map((r) => r.code)).toEqual([
      'face_too_small',
      'head_tilted',
      'face_turned',
    ])
  })

  it('treats landmarks it cannot read (eyes on one point) as turned, never as frontal', () => {
    const collapsed = landmarks({ x: 150, y: 160 }, { x: 150, y: 160 }, { x: 150, y: 160 })
    expect(faceReasons([face(collapsed)], 640, 640).reasons.map((r) => r.code)).toEqual(['face_turned'])
  })
})

describe('light, focus and size', () => {
  it('measures mean luma on RGB and RGBA', () => {
    expect(meanLuma([255, 255, 255, 0, 0, 0], 3)).toBeCloseTo(127.5, 5)
    expect(meanLuma([255, 0, 0, 9, 0, 255, 0, 9], 4)).toBeCloseTo((0.299 * 255 + 0.587 * 255) / 2, 5)
  })

  it('finds edges sharp and a flat image without focus', () => {
    const side = 32
    const checker = Array.from({ length: side * side }, (_, i) => (((i % side) + Math.floor(i / side)) % 2 ? 255 : 0))
    expect(laplacianVariance(checker, side, side)).toBeGreaterThan(1000)
    expect(laplacianVariance(new Array(side * side).fill(90), side, side)).toBe(0)
  })

  it('judges focus only in sufficient light', () => {
    expect(lightReasons(20, 1).map((r) => r.code)).toEqual(['too_dark'])
    expect(lightReasons(240, 1).map((r) => r.code)).toEqual(['too_bright', 'blurry'])
    expect(lightReasons(120, 500)).toEqual([])
  })

  it('checks the file size and both sides of the photo', () => {
    expect(fileSizeReasons(FACE_RULES.maxBytes)).toEqual([])
    expect(fileSizeReasons(FACE_RULES.maxBytes + 1).map((r) => r.code)).toEqual(['file_too_large'])
    expect(dimensionReasons(480, 480)).toEqual([])
    expect(dimensionReasons(479, 1000).map((r) => r.code)).toEqual(['too_small'])
    expect(dimensionReasons(6001, 1000).map((r) => r.code)).toEqual(['too_large'])
  })
})

describe('sniffPhotoFormat', () => {
  it('reads JPEG, PNG and WebP from their first bytes and nothing else', () => {
    expect(sniffPhotoFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg')
    expect(sniffPhotoFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png')
    expect(sniffPhotoFormat(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp')
    expect(sniffPhotoFormat(new TextEncoder().encode('GIF89a'))).toBeUndefined()
    expect(sniffPhotoFormat(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeUndefined()
  })
})
