// Stored image (snapshot / face capture) decryption, docs/tuya-devices.md §1.5 step 3.
// Layout seen in community code that works against real accounts (MG-Sky/tuya-motion-image, node-red-contrib-
// tuya-file-decrypt): uint32 LE version | 16-byte IV | reserved (44 bytes) | AES-CBC(PKCS7) data.
// So the ciphertext starts at byte 64; the same sources note some versions start it at 68, which we also try.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const IV_OFFSET = 4
const IV_BYTES = 16
const DATA_OFFSETS = [64, 68] as const

function cbcAlgorithm(key: Buffer): 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc' {
  if (key.length === 16) return 'aes-128-cbc'
  if (key.length === 24) return 'aes-192-cbc'
  if (key.length === 32) return 'aes-256-cbc'
  throw new Error(`Image key must be 16, 24 or 32 characters, got ${key.length}`)
}

/** MIME type from the magic bytes (JPEG, PNG, GIF, WebP), or undefined. */
export function detectImageType(bytes: Uint8Array): string | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 12))
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (b.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif'
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp'
  return undefined
}

/** True when the object was not encrypted (or is already decrypted). */
export function looksLikeImage(bytes: Uint8Array): boolean {
  return detectImageType(bytes) !== undefined
}

/**
 * Decrypts a downloaded object with the 16-char key from the image reference. Only a result with image magic
 * bytes is accepted: a wrong key passes the PKCS7 check about once in 256 tries and must not yield garbage.
 */
export function decryptStoredImage(encrypted: Uint8Array, key: string): Buffer {
  const data = Buffer.from(encrypted)
  const keyBytes = Buffer.from(key, 'utf8')
  const algorithm = cbcAlgorithm(keyBytes)
  const iv = data.subarray(IV_OFFSET, IV_OFFSET + IV_BYTES)
  for (const offset of DATA_OFFSETS) {
    const body = data.subarray(offset)
    if (body.length === 0 || body.length % 16 !== 0) continue
    try {
      const decipher = createDecipheriv(algorithm, keyBytes, iv)
      const plain = Buffer.concat([decipher.update(body), decipher.final()])
      if (looksLikeImage(plain)) return plain
    } catch {
      // Bad padding at this offset: try the next layout.
    }
  }
  throw new Error('Stored image could not be decrypted with the given key')
}

/** Inverse of decryptStoredImage, for the simulator: version 1, random (or given) IV, 44 reserved zero bytes. */
export function encryptStoredImage(plain: Uint8Array, key: string, options: { iv?: Uint8Array } = {}): Buffer {
  const keyBytes = Buffer.from(key, 'utf8')
  const iv = options.iv ? Buffer.from(options.iv) : randomBytes(IV_BYTES)
  const header = Buffer.alloc(DATA_OFFSETS[0])
  header.writeUInt32LE(1, 0)
  iv.copy(header, IV_OFFSET)
  const cipher = createCipheriv(cbcAlgorithm(keyBytes), keyBytes, iv)
  return Buffer.concat([header, cipher.update(plain), cipher.final()])
}
