// What makes a photo good enough to enrol a face, as numbers and plain-words reasons. Pure and browser-safe:
// the server's gate (face-gate.ts) and the enrolment dialog (components/faces/) measure with the same functions
// and the same thresholds, so the admin's instant feedback and the server's verdict agree. Measured values and
// why each threshold is where it is: docs/face-quality.md.

export const FACE_RULES = {
  /** Upload cap; a decoded photo is never larger than this either (re-encoded to ≤ 1024 px). */
  maxBytes: 5 * 1024 * 1024,
  /** Shorter side: a face terminal enrols from ~480 px up; smaller photos give poor templates. */
  minSide: 480,
  /** Longer side, checked from the header before any decoding (a decompression bomb is refused unread). */
  maxSide: 6000,
  /** Mean luma (0–255, BT.601) of the whole photo. */
  minBrightness: 45,
  maxBrightness: 215,
  /** Variance of the Laplacian of the photo in grey, scaled to `sharpnessSide` px on its longer side. */
  minSharpness: 25,
  sharpnessSide: 512,
  /** The detector's confidence to count a face. */
  minFaceScore: 0.5,
  /** The face box's larger side over the photo's shorter side. */
  minFaceSize: 0.2,
  /** Angle of the line between the eyes, degrees. */
  maxRollDegrees: 12,
  /** How far the nose tip sits off the eyes' midpoint, across the eye line, in inter-eye distances (~20° turn). */
  maxYaw: 0.2,
} as const

export const FACE_REASON_CODES = [
  'file_too_large',
  'unsupported_format',
  'unreadable',
  'too_small',
  'too_large',
  'too_dark',
  'too_bright',
  'blurry',
  'no_face',
  'several_faces',
  'face_too_small',
  'head_tilted',
  'face_turned',
] as const
export type FaceReasonCode = (typeof FACE_REASON_CODES)[number]
export type FaceReason = { code: FaceReasonCode; message: string }

export type Point = { x: number; y: number }
export type Box = { x: number; y: number; width: number; height: number }
/** One face as the detector reports it: box and the 68 landmarks, in the analysed image's pixels. */
export type DetectedFace = { score: number; box: Box; landmarks: Point[] }

/** What was measured, kept with the credential and shown beside the photo. */
export type FaceQuality = {
  width: number
  height: number
  brightness: number
  sharpness: number
  faceScore: number
  /** Face box over the shorter side (0–1). */
  faceSize: number
  rollDegrees: number
  yaw: number
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
const percent = (value: number) => `${Math.round(value * 100)}%`

/** Mean BT.601 luma of interleaved pixels (`channels` 3 = RGB, 4 = RGBA with alpha ignored). */
export function meanLuma(pixels: ArrayLike<number>, channels: 3 | 4): number {
  let sum = 0
  const count = Math.floor(pixels.length / channels)
  for (let i = 0; i < count * channels; i += channels) {
    sum += 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2]
  }
  return count ? sum / count : 0
}

/** Grey (luma) plane of interleaved pixels. */
export function toGrey(pixels: ArrayLike<number>, channels: 3 | 4): Float32Array {
  const count = Math.floor(pixels.length / channels)
  const grey = new Float32Array(count)
  for (let p = 0, i = 0; p < count; p++, i += channels) {
    grey[p] = 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2]
  }
  return grey
}

/**
 * Variance of the 4-neighbour Laplacian over the inner pixels of a grey image: edges give large responses, so a
 * sharp photo has a high variance and a blurred one a low one. Comparable only at the same scale, so both sides
 * measure at FACE_RULES.sharpnessSide.
 */
export function laplacianVariance(grey: ArrayLike<number>, width: number, height: number): number {
  let sum = 0
  let sumSquares = 0
  let n = 0
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x
      const v = grey[i - width] + grey[i + width] + grey[i - 1] + grey[i + 1] - 4 * grey[i]
      sum += v
      sumSquares += v * v
      n++
    }
  }
  if (n === 0) return 0
  const mean = sum / n
  return sumSquares / n - mean * mean
}

/** The size a photo is scaled to (never up) so its longer side is at most `side`. */
export function fitWithin(width: number, height: number, side: number): { width: number; height: number } {
  const scale = Math.min(1, side / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** The file's size, known before anything is read. */
export function fileSizeReasons(bytes: number): FaceReason[] {
  if (bytes <= FACE_RULES.maxBytes) return []
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  return [
    {
      code: 'file_too_large',
      message: `The file is ${mb(bytes)} MB; the limit is ${mb(FACE_RULES.maxBytes)} MB.`,
    },
  ]
}

/** The photo's dimensions, known from its header before anything is decoded. */
export function dimensionReasons(width: number, height: number): FaceReason[] {
  if (Math.max(width, height) > FACE_RULES.maxSide) {
    return [
      {
        code: 'too_large',
        message: `The photo is ${width}×${height} px; its longer side may be at most ${FACE_RULES.maxSide} px.`,
      },
    ]
  }
  if (Math.min(width, height) < FACE_RULES.minSide) {
    return [
      {
        code: 'too_small',
        message: `The photo is ${width}×${height} px; it needs at least ${FACE_RULES.minSide}×${FACE_RULES.minSide} px (crop less tightly or use a larger photo).`,
      },
    ]
  }
  return []
}

export function lightReasons(brightness: number, sharpness: number): FaceReason[] {
  if (brightness < FACE_RULES.minBrightness) {
    // Sharpness is not judged in the dark: low contrast reads as blur, and the fix is light, not focus.
    return [{ code: 'too_dark', message: 'The photo is too dark: add light in front of the face.' }]
  }
  const reasons: FaceReason[] = []
  if (brightness > FACE_RULES.maxBrightness) {
    reasons.push({ code: 'too_bright', message: 'The photo is overexposed: avoid direct light or a flash.' })
  }
  if (sharpness < FACE_RULES.minSharpness) {
    reasons.push({ code: 'blurry', message: 'The photo is blurred: hold the camera still and focus on the face.' })
  }
  return reasons
}

const centre = (points: Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
})

/**
 * Head pose from the 68-point landmarks (iBUG layout: 36–41 one eye, 42–47 the other, 30 the nose tip). Roll is
 * the eye line's angle; yaw is the nose tip's offset from the eyes' midpoint along the eye line, in inter-eye
 * distances, so a tilted but frontal head is not mistaken for a turned one.
 */
export function headPose(landmarks: Point[]): { rollDegrees: number; yaw: number } {
  const first = centre(landmarks.slice(36, 42))
  const second = centre(landmarks.slice(42, 48))
  const nose = landmarks[30]
  const dx = second.x - first.x
  const dy = second.y - first.y
  const distance = Math.hypot(dx, dy)
  if (!nose || distance === 0) return { rollDegrees: 0, yaw: Number.POSITIVE_INFINITY }
  const mid = { x: (first.x + second.x) / 2, y: (first.y + second.y) / 2 }
  const along = ((nose.x - mid.x) * dx + (nose.y - mid.y) * dy) / distance
  return { rollDegrees: (Math.atan2(dy, dx) * 180) / Math.PI, yaw: along / distance }
}

/** Reasons about the faces found in an image of `width`×`height` px, and the measures of the one face. */
export function faceReasons(
  faces: DetectedFace[],
  width: number,
  height: number,
): { reasons: FaceReason[]; face?: Pick<FaceQuality, 'faceScore' | 'faceSize' | 'rollDegrees' | 'yaw'> } {
  const counted = faces.filter((f) => f.score >= FACE_RULES.minFaceScore)
  if (counted.length === 0) {
    return {
      reasons: [
        { code: 'no_face', message: 'No face was found: the face must be clearly visible, facing the camera.' },
      ],
    }
  }
  if (counted.length > 1) {
    return {
      reasons: [
        {
          code: 'several_faces',
          message: `${counted.length} faces were found: the photo must show one person only.`,
        },
      ],
    }
  }
  const [face] = counted
  const faceSize = Math.max(face.box.width, face.box.height) / Math.min(width, height)
  const { rollDegrees, yaw } = headPose(face.landmarks)
  const reasons: FaceReason[] = []
  if (faceSize < FACE_RULES.minFaceSize) {
    reasons.push({
      code: 'face_too_small',
      message: `The face fills ${percent(faceSize)} of the photo; it needs at least ${percent(FACE_RULES.minFaceSize)}: move closer or crop tighter.`,
    })
  }
  if (Math.abs(rollDegrees) > FACE_RULES.maxRollDegrees) {
    reasons.push({
      code: 'head_tilted',
      message: `The head is tilted by ${Math.round(Math.abs(rollDegrees))}°: keep the eyes level.`,
    })
  }
  if (!(Math.abs(yaw) <= FACE_RULES.maxYaw)) {
    reasons.push({ code: 'face_turned', message: 'The face is turned away: look straight at the camera.' })
  }
  return {
    reasons,
    face: {
      faceScore: round(face.score),
      faceSize: round(faceSize, 3),
      rollDegrees: round(rollDegrees, 1),
      yaw: Number.isFinite(yaw) ? round(yaw, 3) : 99,
    },
  }
}
