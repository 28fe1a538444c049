// Turning what the admin chose (a file, or a frame from the camera) into pixels, and the crop into the JPEG that
// is uploaded. A chosen file is judged by its first bytes, like on the server, before the browser decodes it.
import type { FaceReason } from '@/lib/faces/face-rules'
import { formatReason, sniffPhotoFormat } from '@/lib/faces/image-format'

/** Larger originals are refused before decoding: a phone photo is a few MB; the crop is what gets uploaded. */
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024
export const UPLOAD_MAX_SIDE = 1024

export type Square = { x: number; y: number; side: number }
export type PhotoSource = { image: ImageBitmap; width: number; height: number }

export async function readPhotoFile(file: File): Promise<PhotoSource | { reasons: FaceReason[] }> {
  if (file.size > MAX_SOURCE_BYTES) {
    return { reasons: [{ code: 'file_too_large', message: 'This file is over 25 MB: choose a smaller photo.' }] }
  }
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer())
  if (!sniffPhotoFormat(head)) return { reasons: [formatReason(head)] }
  try {
    const image = await createImageBitmap(file, { imageOrientation: 'from-image' })
    return { image, width: image.width, height: image.height }
  } catch {
    return { reasons: [{ code: 'unreadable', message: 'The file is damaged or not a complete photo.' }] }
  }
}

/** The largest centred square: the crop every photo starts with. */
export function centredSquare(width: number, height: number): Square {
  const side = Math.min(width, height)
  return { x: Math.round((width - side) / 2), y: Math.round((height - side) / 2), side }
}

/** The crop at its native size (at most UPLOAD_MAX_SIDE px). */
export function cropToCanvas(source: CanvasImageSource, crop: Square): HTMLCanvasElement {
  const side = Math.min(Math.round(crop.side), UPLOAD_MAX_SIDE)
  const canvas = document.createElement('canvas')
  canvas.width = side
  canvas.height = side
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2D canvas')
  context.imageSmoothingQuality = 'high'
  context.drawImage(source, crop.x, crop.y, crop.side, crop.side, 0, 0, side, side)
  return canvas
}

export function canvasToJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the photo could not be encoded'))),
      'image/jpeg',
      0.92,
    ),
  )
}
