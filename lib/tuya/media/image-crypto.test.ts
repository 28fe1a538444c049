import { createCipheriv } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decryptStoredImage, encryptStoredImage, looksLikeImage } from '@/lib/tuya/media/image-crypto'

const key = 'c3f1a9e2b7d44c10'
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)])

describe('stored image crypto (docs/tuya-devices.md §1.5)', () => {
  it('writes version 1 LE, the IV at bytes 4..20 and the ciphertext from byte 64', () => {
    const iv = Buffer.alloc(16, 0xab)
    const out = encryptStoredImage(png, key, { iv })
    expect(out.readUInt32LE(0)).toBe(1)
    expect(out.subarray(4, 20).equals(iv)).toBe(true)
    const cipher = createCipheriv('aes-128-cbc', Buffer.from(key), iv)
    expect(out.subarray(64).equals(Buffer.concat([cipher.update(png), cipher.final()]))).toBe(true)
  })
  it('round-trips and recognises the result as an image', () => {
    const plain = decryptStoredImage(encryptStoredImage(png, key), key)
    expect(plain.equals(png)).toBe(true)
    expect(looksLikeImage(plain)).toBe(true)
  })
  it('also reads the 68-byte header variant', () => {
    const v1 = encryptStoredImage(png, key)
    const v2 = Buffer.concat([v1.subarray(0, 64), Buffer.alloc(4), v1.subarray(64)])
    expect(decryptStoredImage(v2, key).equals(png)).toBe(true)
  })
  it('throws with the wrong key', () => {
    const iv = Buffer.alloc(16, 1)
    expect(() => decryptStoredImage(encryptStoredImage(png, key, { iv }), 'ffffffffffffffff')).toThrow(
      /could not be decrypted/,
    )
  })
})
