// Message-service crypto: MQ password, `data` decryption/encryption (AES-128-ECB and AES-128-GCM), envelope sign.
// Source: docs/tuya-protocol.md §3.3 (password), §3.6 (data), §3.7 (envelope sign), §3.9 (open-hub variant).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

const GCM_NONCE_BYTES = 12
const GCM_TAG_BYTES = 16

function md5Hex(input: string): string {
  return createHash('md5').update(input, 'utf8').digest('hex')
}

/** md5hex(accessId + md5hex(accessSecret))[8:24] — 16 lower-case hex chars (§3.3). */
export function buildMqPassword(accessId: string, accessSecret: string): string {
  return md5Hex(accessId + md5Hex(accessSecret)).slice(8, 24)
}

/** The middle 16 characters of the Access Secret, as UTF-8 bytes: an AES-128 key (§3.6). */
export function deriveMessageKey(accessSecret: string): Buffer {
  const key = Buffer.from(accessSecret.slice(8, 24), 'utf8')
  if (key.length !== 16) throw new Error('Access Secret too short to derive a message key (need 24+ chars)')
  return key
}

export type MessageCryptoMode = 'ecb' | 'gcm'

/** Pulsar property `em`: absent or `aes_ecb` ⇒ ECB, `aes_gcm` ⇒ GCM (§3.5). Unknown values are refused. */
export function resolveEncryptionMode(em: string | undefined): MessageCryptoMode {
  if (em === undefined || em === '' || em === 'aes_ecb') return 'ecb'
  if (em === 'aes_gcm') return 'gcm'
  throw new Error(`Unknown message encryption model "${em}"`)
}

export type DecryptMessageOptions = {
  em?: string
  /** Envelope `t`. Not used by the Pulsar layouts (no AAD, §3.6); accepted so callers can pass the envelope through. */
  t?: number
}

/** Decrypts an envelope's `data` (base64) to the plaintext JSON string. Throws on a bad key, tag or padding. */
export function decryptMessageData(data: string, accessSecret: string, options: DecryptMessageOptions = {}): string {
  const key = deriveMessageKey(accessSecret)
  const raw = Buffer.from(data, 'base64')
  if (resolveEncryptionMode(options.em) === 'ecb') {
    const decipher = createDecipheriv('aes-128-ecb', key, null)
    return Buffer.concat([decipher.update(raw), decipher.final()]).toString('utf8')
  }
  // GCM layout: nonce(12) | ciphertext | tag(16), no AAD (§3.6).
  if (raw.length < GCM_NONCE_BYTES + GCM_TAG_BYTES) throw new Error('GCM message data too short')
  return openGcm(key, raw.subarray(0, GCM_NONCE_BYTES), raw.subarray(GCM_NONCE_BYTES), undefined)
}

export type EncryptMessageOptions = {
  mode: MessageCryptoMode
  t?: number
  /** Fixed 12-byte GCM nonce, for golden vectors only; random otherwise. */
  iv?: Uint8Array
}

/** Inverse of decryptMessageData (for the simulator): returns base64 `data`. */
export function encryptMessageData(plainJson: string, accessSecret: string, options: EncryptMessageOptions): string {
  const key = deriveMessageKey(accessSecret)
  if (options.mode === 'ecb') {
    const cipher = createCipheriv('aes-128-ecb', key, null)
    return Buffer.concat([cipher.update(plainJson, 'utf8'), cipher.final()]).toString('base64')
  }
  const nonce = options.iv ? Buffer.from(options.iv) : randomBytes(GCM_NONCE_BYTES)
  if (nonce.length !== GCM_NONCE_BYTES) throw new Error('GCM nonce must be 12 bytes')
  const cipher = createCipheriv('aes-128-gcm', key, nonce)
  const ct = Buffer.concat([cipher.update(plainJson, 'utf8'), cipher.final()])
  return Buffer.concat([nonce, ct, cipher.getAuthTag()]).toString('base64')
}

function openGcm(key: Buffer, nonce: Buffer, ctAndTag: Buffer, aad: Buffer | undefined): string {
  const ct = ctAndTag.subarray(0, ctAndTag.length - GCM_TAG_BYTES)
  const tag = ctAndTag.subarray(ctAndTag.length - GCM_TAG_BYTES)
  const decipher = createDecipheriv('aes-128-gcm', key, nonce)
  if (aad) decipher.setAAD(aad)
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8')
}

/**
 * The MQTT "open-hub" variant (§3.9), not the Pulsar service: key = MQTT password[8:24]; v2.0 data is
 * ivLen(4, big-endian) | iv | ciphertext | tag(16) with AAD = String(t); v1.0 is plain ECB.
 */
export function decryptOpenHubData(
  data: string,
  mqttPassword: string,
  options: { version: '1.0' | '2.0'; t: number | string },
): string {
  if (options.version === '1.0') return decryptMessageData(data, mqttPassword, { em: 'aes_ecb' })
  const key = deriveMessageKey(mqttPassword)
  const raw = Buffer.from(data, 'base64')
  const ivLength = raw.readUInt32BE(0)
  if (ivLength <= 0 || 4 + ivLength + GCM_TAG_BYTES > raw.length) throw new Error('Open-hub data: bad IV length')
  const iv = raw.subarray(4, 4 + ivLength)
  return openGcm(key, iv, raw.subarray(4 + ivLength), Buffer.from(String(options.t), 'utf8'))
}

/**
 * Envelope `sign` as documented (§3.7, [UNVERIFIED] against live traffic): every field except `sign` and empty
 * values as `k=v`, sorted by key, joined with `||`, then `||` + Access Secret, MD5 lower hex. The simulator emits
 * it; the consumer must not hard-fail on a mismatch.
 */
export function signMessageEnvelope(envelope: Record<string, unknown>, accessSecret: string): string {
  const parts = Object.keys(envelope)
    .filter((k) => k !== 'sign')
    .filter((k) => envelope[k] !== undefined && envelope[k] !== null && envelope[k] !== '')
    .sort()
    .map((k) => {
      const v = envelope[k]
      return `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`
    })
  return md5Hex(`${parts.join('||')}||${accessSecret}`)
}
