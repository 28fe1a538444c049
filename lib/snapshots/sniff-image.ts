// What a snapshot is, decided from its bytes alone. The remote Content-Type is whatever the sender wanted it
// to be (text/html included), so it is never stored nor echoed: only these three formats are kept and served.
import { SnapshotFetchError } from '@/lib/snapshots/fetch-snapshot-bytes'

export type SnapshotImageType = 'image/jpeg' | 'image/png' | 'image/webp'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** JPEG, PNG or WebP by magic bytes; undefined for anything else (HTML, SVG, GIF, …). */
export function sniffImageType(bytes: Uint8Array): SnapshotImageType | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 12))
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png'
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp'
  }
  return undefined
}

/** A short, log-safe description of what the bytes look like instead, for the failed snapshot's reason. */
export function describeNonImage(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 256)).toString('latin1')
  if (/<(!doctype|html|script|svg|body|head)\b/i.test(text)) return 'HTML/SVG markup'
  if (bytes.length === 0) return 'an empty body'
  return 'unrecognised bytes'
}

/** The image type of the bytes, or a permanent failure naming what they look like instead. */
export function requireImageType(bytes: Uint8Array): SnapshotImageType {
  const type = sniffImageType(bytes)
  if (!type) throw new SnapshotFetchError(`not an image (${describeNonImage(bytes)})`, true)
  return type
}
