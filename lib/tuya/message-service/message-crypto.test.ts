// Vectors from docs/tuya-protocol.md §3.3, §3.6, §3.7, §3.9.
import { describe, expect, it } from 'vitest'
import {
  buildMqPassword,
  decryptMessageData,
  decryptOpenHubData,
  deriveMessageKey,
  encryptMessageData,
  resolveEncryptionMode,
  signMessageEnvelope,
} from '@/lib/tuya/message-service/message-crypto'

const accessId = 'accessIdtesttesttest'
const accessKey = 'accessKeyesttesttesttesttesttest'
const plaintext =
  '{"dataId":"dataIddataIddataIddataId","devId":"devIddevIddevIddevIddevId","productKey":"productKeypro","status":[{"code":"code","t":1622449865296,"value":280}]}'
const ecbData =
  '9Pe6AYEE2fJyCh5gcY/+mCY2yhFsxZ6Pjt+n1WkotuvVHRAKjf+aV+HPMrx55iSk1ot9TiUZkiufxWreZ7VMEJ3uo8iT992qq4w+mnjTfi/Ph9hyB3UJTQOlkdChT93LYnQGgEqWrY77X2vgC6bIKUGgCV2mD0A1a2QwO0gXtPhQabf1RL9SdVUUqqMJKgAEEYdqygcT/V08yNDgSAnIMQ=='
const gcmNonce = Buffer.from('000102030405060708090a0b', 'hex')
const gcmData =
  'AAECAwQFBgcICQoLAeySMfZIKX4Bm3Lwtrbt3x/0W8D201OEZ6fWMj9qsW1fpCUEyLBkz2w1KZIZG+hKKWIfUd2VzCsTxW3b1dqicInnczYHeUgLAF+FaQCKJNs/qcxQ+yW1M26kRJah7naTm8Miw0uD7Qoxc2aKSUZTep0TeG9AG4ZFqHXvPhOQNZAoHq89GGnnbpxX6RUNMzip1WxsCIXNJO1g3PYLjBomln/ftW7F2sMFvaDgXm7QSQ=='

describe('buildMqPassword (§3.3)', () => {
  it('matches the pulsar-ws-node vector', () => {
    expect(buildMqPassword(accessId, accessKey)).toBe('ad0139f768d194a4')
  })
})

describe('deriveMessageKey (§3.6)', () => {
  it('takes the middle 16 characters', () => {
    expect(deriveMessageKey(accessKey).toString('utf8')).toBe('yesttesttesttest')
  })
  it('refuses a secret that is too short', () => {
    expect(() => deriveMessageKey('short')).toThrow(/too short/)
  })
})

describe('decryptMessageData / encryptMessageData (§3.6)', () => {
  it('decrypts the ECB vector (em absent and em=aes_ecb)', () => {
    expect(decryptMessageData(ecbData, accessKey)).toBe(plaintext)
    expect(decryptMessageData(ecbData, accessKey, { em: 'aes_ecb', t: 1622449865378 })).toBe(plaintext)
  })
  it('re-encrypts the ECB plaintext to the exact reference ciphertext', () => {
    expect(encryptMessageData(plaintext, accessKey, { mode: 'ecb' })).toBe(ecbData)
  })
  it('decrypts the GCM vector', () => {
    expect(decryptMessageData(gcmData, accessKey, { em: 'aes_gcm' })).toBe(plaintext)
  })
  it('re-encrypts the GCM plaintext with the vector nonce to the exact reference ciphertext', () => {
    expect(encryptMessageData(plaintext, accessKey, { mode: 'gcm', iv: gcmNonce })).toBe(gcmData)
  })
  it('round-trips both modes with random nonces', () => {
    const json = JSON.stringify({
      devId: 'd1',
      status: [{ code: 'unlock_face', value: 3, t: 1700000000123 }],
      note: 'é✓',
    })
    expect(decryptMessageData(encryptMessageData(json, accessKey, { mode: 'ecb' }), accessKey)).toBe(json)
    const a = encryptMessageData(json, accessKey, { mode: 'gcm' })
    const b = encryptMessageData(json, accessKey, { mode: 'gcm' })
    expect(a).not.toBe(b)
    expect(decryptMessageData(a, accessKey, { em: 'aes_gcm' })).toBe(json)
  })
  it('rejects a tampered GCM message and a wrong ECB key', () => {
    const raw = Buffer.from(gcmData, 'base64')
    raw[20] ^= 1
    expect(() => decryptMessageData(raw.toString('base64'), accessKey, { em: 'aes_gcm' })).toThrow()
    expect(() => decryptMessageData(ecbData, 'xxxxxxxxWRONGKEYWRONGKEYxxxxxxxx')).toThrow()
  })
  it('refuses an unknown em', () => {
    expect(resolveEncryptionMode(undefined)).toBe('ecb')
    expect(() => decryptMessageData(ecbData, accessKey, { em: 'rot13' })).toThrow(/Unknown/)
  })
})

describe('signMessageEnvelope (§3.7, documented reading)', () => {
  it('reproduces the reference example for the GCM vector envelope', () => {
    const envelope = { data: gcmData, encryptVersion: 'v2', protocol: 4, pv: '2.0', t: 1622449865378, sign: 'ignored' }
    expect(signMessageEnvelope(envelope, accessKey)).toBe('0a86aad6aecd3ec5ec1d4a300efb57c3')
  })
})

describe('decryptOpenHubData (§3.9, MQTT open-hub variant)', () => {
  it('decrypts the openHAB vector with AAD = t', () => {
    const data =
      'AAAADF3anfyV36xCpZWsTDMtD0q0fsd5VXfX16x7lKc7yA8QFDnGixeCpmfE8OYFDWEx+8+pcn6JrjIXGHMLAXpeHamsUpnms8bBjfBj4KC8N4UUkT2WW15bwpAi1uQiY5j3XCrKb+VnHmG1cXL3yTi02URvwPfCBNoBB1X7ABsHNaPC6zJhYEcTwEc0Rmlk72qr4pEoweQxlZbhGsTb7VQAvPhjUV8Pzycms8kl9pt1fc/rMDc58vDP0ieThScQiYn4+3pbNKq+amzRdKIYmbI8aS9D97QmduRlqimeh6ve1KH9egtEvaigbAtcpHWyw6FB9ApCqoYuGBig8rO8GDlKdA=='
    const out = decryptOpenHubData(data, '8699163a36d6cecc04df6000b7a580f5', { version: '2.0', t: 1636568272 })
    expect(out).toBe(
      '{"dataId":"1fdba76e-29f9-46ef-b6e4-2cc3ef60d134","devId":"bf3122fba025738ffc9pqa","productKey":"elsdethcwjoapr6v","status":[{"24":"010202290088","code":"colour_data","t":"1636568272","value":"{\\"h\\":258,\\"s\\":553,\\"v\\":136}"}]}',
    )
    expect(Buffer.byteLength(out)).toBe(227)
  })
})
