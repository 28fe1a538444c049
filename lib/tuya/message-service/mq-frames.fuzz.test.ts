// Fuzz: the message-service frame decoder and the envelope opener against any text, hostile frames (bad base64,
// wrong types, random ciphertext, odd encryption modes) and real encrypted messages of any JSON. Neither may
// throw: a frame is a message or an undecodable frame with a reason (stored raw), and what was encrypted with the
// Access Secret decodes to exactly the text that was encrypted.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyJson, envelopeLike, payloadText } from '@/lib/ingest/fixtures/fuzz-payloads'
import { encryptMessageData } from '@/lib/tuya/message-service/message-crypto'
import { decodeConsumerFrame, type DecodedFrame } from '@/lib/tuya/message-service/mq-frames'
import { openEncryptedEnvelope } from '@/lib/tuya/message-service/open-envelope'

// 8,000 cases.
const RUNS = 2_000
const SECRET = 'fuzzsecret0123456789abcdefghijkl'

const base64Of = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64')
const emValues = fc.constantFrom(undefined, 'aes_ecb', 'aes_gcm', 'AES_GCM', 'rot13', '')

/** A frame around an envelope: the payload field well-formed or not, properties of any shape. */
const hostileFrame = fc.record(
  {
    messageId: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), anyJson),
    payload: fc.oneof(envelopeLike.map(base64Of), payloadText.map(base64Of), fc.base64String(), anyJson),
    properties: fc.oneof(fc.record({ em: emValues, tid: fc.string() }, { requiredKeys: [] }), anyJson),
    publishTime: fc.oneof(fc.string(), anyJson),
    redeliveryCount: fc.oneof(fc.nat(), anyJson),
  },
  { requiredKeys: [] },
)

function expectWellFormed(result: DecodedFrame, raw: string) {
  if (result.kind === 'message') {
    expect(typeof result.message.messageId).toBe('string')
    expect(typeof result.message.payloadRaw).toBe('string')
    return
  }
  expect(result.kind).toBe('undecodable')
  expect(result.frame.raw).toBe(raw)
  expect(result.frame.reason.length).toBeGreaterThan(0)
  if (result.frame.messageId !== undefined) expect(typeof result.frame.messageId).toBe('string')
}

describe('decodeConsumerFrame never throws', () => {
  it(`${RUNS.toLocaleString('en')} arbitrary texts`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), payloadText), (raw) => {
        expectWellFormed(decodeConsumerFrame(raw, SECRET), raw)
      }),
      { numRuns: RUNS },
    )
  })

  it(`${RUNS.toLocaleString('en')} hostile frames`, () => {
    fc.assert(
      fc.property(hostileFrame, (frame) => {
        const raw = JSON.stringify(frame)
        expectWellFormed(decodeConsumerFrame(raw, SECRET), raw)
      }),
      { numRuns: RUNS },
    )
  })

  it(`${RUNS.toLocaleString('en')} messages encrypted with the Access Secret (ECB and GCM) decode to the exact text`, () => {
    fc.assert(
      fc.property(anyJson, fc.constantFrom('ecb', 'gcm') as fc.Arbitrary<'ecb' | 'gcm'>, (value, mode) => {
        const text = JSON.stringify(value)
        const t = Date.now()
        const envelope = { protocol: 4, pv: '2.0', t, data: encryptMessageData(text, SECRET, { mode, t }) }
        const properties = mode === 'gcm' ? { em: 'aes_gcm' } : {}
        const raw = JSON.stringify({ messageId: 'm-1', payload: base64Of(envelope), properties })
        const result = decodeConsumerFrame(raw, SECRET)
        expect(result).toMatchObject({ kind: 'message', message: { payloadRaw: text } })
      }),
      { numRuns: RUNS },
    )
  })
})

describe('openEncryptedEnvelope never throws', () => {
  it(`${RUNS.toLocaleString('en')} envelopes and arbitrary JSON values`, () => {
    fc.assert(
      fc.property(fc.oneof(envelopeLike, anyJson), (value) => {
        const opened = openEncryptedEnvelope(value, SECRET)
        expect(['plain', 'opened', 'failed']).toContain(opened.kind)
        if (opened.kind === 'failed') expect(opened.reason.length).toBeGreaterThan(0)
      }),
      { numRuns: RUNS },
    )
  })
})
