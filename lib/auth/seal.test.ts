import { describe, expect, it } from 'vitest'
import { sealSecret, unsealSecret } from '@/lib/auth/seal'

const KEY = 'server-secret-for-sealing-tests'

describe('sealed secrets (AES-256-GCM)', () => {
  it('round-trips and uses a fresh IV every time', () => {
    const a = sealSecret('123456', KEY)
    const b = sealSecret('123456', KEY)
    expect(a).not.toBe(b)
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/)
    expect(unsealSecret(a, KEY)).toBe('123456')
    expect(unsealSecret(b, KEY)).toBe('123456')
  })

  it('round-trips empty and non-ASCII text', () => {
    expect(unsealSecret(sealSecret('', KEY), KEY)).toBe('')
    expect(unsealSecret(sealSecret('código ☂', KEY), KEY)).toBe('código ☂')
  })

  it('does not reveal the plain text', () => {
    expect(sealSecret('98765432', KEY)).not.toContain(Buffer.from('98765432').toString('base64url'))
  })

  it('refuses the wrong key and any tampering', () => {
    const sealed = sealSecret('4321', KEY)
    expect(() => unsealSecret(sealed, 'another-key')).toThrow()
    const [version, iv, tag, data] = sealed.split('.')
    const flipped = Buffer.from(data, 'base64url')
    flipped[0] ^= 1
    expect(() => unsealSecret([version, iv, tag, flipped.toString('base64url')].join('.'), KEY)).toThrow()
    expect(() => unsealSecret(['v2', iv, tag, data].join('.'), KEY)).toThrow('not a sealed secret')
    expect(() => unsealSecret('plain-pin', KEY)).toThrow('not a sealed secret')
  })
})
