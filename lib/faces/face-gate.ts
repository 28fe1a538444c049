// The server's check of an uploaded face photo, run on every enrolment whatever the browser said: the format
// from the bytes, the dimensions from the header before anything is decoded, then light, focus and exactly one
// large, frontal face (face-rules.ts). An accepted photo is re-encoded (face-photo.ts) before it is stored, so
// nothing of the uploaded file but its pixels is kept.
import sharp from 'sharp'
import type { FaceDetector } from '@/lib/faces/face-detector'
import {
  dimensionReasons,
  FACE_RULES,
  faceReasons,
  fileSizeReasons,
  fitWithin,
  laplacianVariance,
  lightReasons,
  meanLuma,
  toGrey,
  type FaceQuality,
  type FaceReason,
} from '@/lib/faces/face-rules'
import { formatReason, sniffPhotoFormat } from '@/lib/faces/image-format'

export type FaceCheck = { accepted: true; quality: FaceQuality } | { accepted: false; reasons: FaceReason[] }

const UNREADABLE: FaceReason = {
  code: 'unreadable',
  message: 'The file is damaged or not a complete photo: export it again as JPEG or PNG.',
}

/** Decoding never goes past this many pixels, whatever a header claims (libvips refuses larger input). */
export const PIXEL_LIMIT = FACE_RULES.maxSide * FACE_RULES.maxSide

/** Width and height as displayed (EXIF orientations 5–8 swap them), read from the header alone. */
async function headerSize(bytes: Uint8Array, format: string) {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata()
  if (meta.format !== format || !meta.width || !meta.height) return null
  const swapped = (meta.orientation ?? 1) >= 5
  return { width: swapped ? meta.height : meta.width, height: swapped ? meta.width : meta.height }
}

/** The photo upright, flattened on white, in sRGB, at most `side` px on its longer side: RGB bytes. */
export async function decodeForAnalysis(bytes: Uint8Array, side: number) {
  const { data, info } = await sharp(bytes, { limitInputPixels: PIXEL_LIMIT, failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize(side, side, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 3) throw new Error(`decoded ${info.channels} channels`)
  return { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height }
}

export async function checkFacePhoto(bytes: Uint8Array, detector: Pick<FaceDetector, 'detect'>): Promise<FaceCheck> {
  const tooHeavy = fileSizeReasons(bytes.length)
  if (tooHeavy.length > 0) return { accepted: false, reasons: tooHeavy }
  const format = sniffPhotoFormat(bytes)
  if (!format) return { accepted: false, reasons: [formatReason(bytes)] }
  const size = await headerSize(bytes, format).catch(() => null)
  if (!size) return { accepted: false, reasons: [UNREADABLE] }
  const tooBigOrSmall = dimensionReasons(size.width, size.height)
  if (tooBigOrSmall.length > 0) return { accepted: false, reasons: tooBigOrSmall }

  const image = await decodeForAnalysis(bytes, FACE_RULES.sharpnessSide).catch(() => null)
  if (!image) return { accepted: false, reasons: [UNREADABLE] }
  const expected = fitWithin(size.width, size.height, FACE_RULES.sharpnessSide)
  if (Math.abs(expected.width - image.width) > 1 || Math.abs(expected.height - image.height) > 1) {
    return { accepted: false, reasons: [UNREADABLE] } // the header lied about the pixels behind it
  }
  const brightness = meanLuma(image.rgb, 3)
  const sharpness = laplacianVariance(toGrey(image.rgb, 3), image.width, image.height)
  const faces = await detector.detect(image.rgb, image.width, image.height)
  const found = faceReasons(faces, image.width, image.height)
  const reasons = [...lightReasons(brightness, sharpness), ...found.reasons]
  if (reasons.length > 0 || !found.face) return { accepted: false, reasons }
  return {
    accepted: true,
    quality: {
      width: size.width,
      height: size.height,
      brightness: Math.round(brightness),
      sharpness: Math.round(sharpness),
      ...found.face,
    },
  }
}
