// Which of the three accepted photo formats a file is, decided from its first bytes only: the file name, the
// browser's type and the multipart Content-Type are the sender's claims. Browser-safe (no Buffer), so the
// enrolment dialog refuses the same files the server does.
import type { FaceReason } from '@/lib/faces/face-rules'

export type PhotoFormat = 'jpeg' | 'png' | 'webp'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))

export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png'
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp'
  return undefined
}

/** What the bytes look like instead, in words an admin understands. */
function describe(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file'
  const head = ascii(bytes, 0, Math.min(bytes.length, 256))
  if (/<svg\b/i.test(head)) return 'an SVG drawing'
  if (/<(!doctype|html|script|body|\?xml)\b/i.test(head)) return 'a web page or XML document'
  if (head.startsWith('GIF8')) return 'a GIF'
  if (head.startsWith('%PDF')) return 'a PDF'
  if (/^....ftyp(heic|heix|mif1|msf1)/.test(head)) return 'a HEIC photo (set the camera or phone to JPEG)'
  return 'not a photo this console can read'
}

export function formatReason(bytes: Uint8Array): FaceReason {
  return {
    code: 'unsupported_format',
    message: `Only JPEG, PNG or WebP photos are accepted; this file is ${describe(bytes)}.`,
  }
}
