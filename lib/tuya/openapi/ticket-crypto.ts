// Lock ticket crypto for remote operations and temporary passwords.
// Source: docs/tuya-devices.md §4.1:
//   key16   = PKCS7_unpad(AES-256-ECB-decrypt(hex(ticket_key), key = Access Secret, 32 ASCII bytes))
//   pwd_hex = hex(AES-128-ECB-encrypt(PKCS7_pad(password), key = key16))
import { createCipheriv, createDecipheriv } from 'node:crypto'

function secretKey(accessSecret: string): Buffer {
  const key = Buffer.from(accessSecret, 'utf8')
  if (key.length !== 32) throw new Error('Ticket crypto needs the 32-character Access Secret')
  return key
}

function ticketKeyBytes(key16: string): Buffer {
  const key = Buffer.from(key16, 'utf8')
  if (key.length !== 16) throw new Error('Ticket key must decrypt to 16 characters')
  return key
}

function ecb(
  algorithm: 'aes-256-ecb' | 'aes-128-ecb',
  key: Buffer,
  mode: 'encrypt' | 'decrypt',
  input: Buffer,
): Buffer {
  const cipher = mode === 'encrypt' ? createCipheriv(algorithm, key, null) : createDecipheriv(algorithm, key, null)
  return Buffer.concat([cipher.update(input), cipher.final()])
}

/** ticket_key (hex, any case) → the 16-character password key. */
export function decryptTicketKey(ticketKeyHex: string, accessSecret: string): string {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(ticketKeyHex)) throw new Error('ticket_key is not hex')
  const key16 = ecb('aes-256-ecb', secretKey(accessSecret), 'decrypt', Buffer.from(ticketKeyHex, 'hex')).toString(
    'utf8',
  )
  ticketKeyBytes(key16)
  return key16
}

/** Inverse of decryptTicketKey, for the simulator: upper-case hex as in Tuya's example ("4D9C…"). */
export function encryptTicketKey(key16: string, accessSecret: string): string {
  return ecb('aes-256-ecb', secretKey(accessSecret), 'encrypt', ticketKeyBytes(key16)).toString('hex').toUpperCase()
}

/** Plain password → lower-case hex ciphertext with the ticket's key (lower case is accepted, §4.1). */
export function encryptTicketPassword(password: string, key16: string): string {
  return ecb('aes-128-ecb', ticketKeyBytes(key16), 'encrypt', Buffer.from(password, 'utf8')).toString('hex')
}

/** Inverse of encryptTicketPassword, for the simulator. */
export function decryptTicketPassword(passwordHex: string, key16: string): string {
  return ecb('aes-128-ecb', ticketKeyBytes(key16), 'decrypt', Buffer.from(passwordHex, 'hex')).toString('utf8')
}
