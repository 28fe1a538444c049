// docs/tuya-devices.md §4.1 ticket crypto. Vectors cross-computed with the openssl CLI (aes-256-ecb / aes-128-ecb, PKCS7), not Tuya-published.
import { describe, expect, it } from 'vitest'
import {
  decryptTicketKey,
  decryptTicketPassword,
  encryptTicketKey,
  encryptTicketPassword,
} from '@/lib/tuya/openapi/ticket-crypto'

const secret = '4OHBOnWOqaEC1mWXOpVL3yV50s0qGSRC'
const key16 = 'a1b2c3d4e5f6a7b8'
const ticketKeyHex = 'ea546b844116c2770520c5cd8290f7369173247c8d56147e406eba159f6e577a'

describe('ticket crypto (§4.1)', () => {
  it('decrypts ticket_key with AES-256-ECB keyed by the 32-char secret (hex in either case)', () => {
    expect(decryptTicketKey(ticketKeyHex, secret)).toBe(key16)
    expect(decryptTicketKey(ticketKeyHex.toUpperCase(), secret)).toBe(key16)
  })
  it('encryptTicketKey is the exact inverse (upper-case hex)', () => {
    expect(encryptTicketKey(key16, secret)).toBe(ticketKeyHex.toUpperCase())
  })
  it('encrypts a password with the 16-char key (AES-128-ECB, PKCS7, lower hex)', () => {
    expect(encryptTicketPassword('1234567', key16)).toBe('4f4f6e2a71e353e9702fdbe34e5c91b1')
    expect(decryptTicketPassword('4f4f6e2a71e353e9702fdbe34e5c91b1', key16)).toBe('1234567')
  })
  it('rejects a wrong secret length and non-hex input', () => {
    expect(() => decryptTicketKey(ticketKeyHex, 'short')).toThrow(/32-character/)
    expect(() => decryptTicketKey('zz', secret)).toThrow(/hex/)
    expect(() => decryptTicketKey(ticketKeyHex, 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ')).toThrow()
  })
})
