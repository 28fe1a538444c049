import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signWebhook, verifyWebhookRequest } from '@/lib/tuya/webhook/webhook-signature'

const secret = '4OHBOnWOqaEC1mWXOpVL3yV50s0qGSRC'
const clientId = '1KAD46OrT9HafiKdsXeg'
const now = 1_700_000_000_000
const body = '{"devId":"d1","way":4,"success":true}'

describe('signWebhook', () => {
  it('is lower-case hex HMAC-SHA256 over clientId + t + body', () => {
    const expected = createHmac('sha256', secret).update(`${clientId}${now}${body}`).digest('hex')
    expect(signWebhook({ secret, clientId, t: now, body })).toBe(expected)
    expect(expected).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('verifyWebhookRequest — header form', () => {
  const sign = signWebhook({ secret, clientId, t: now, body })
  const verify = (headers: Record<string, string> | Headers, rawBody = body, at = now) =>
    verifyWebhookRequest({ headers, rawBody, secret, clientId, now: at })

  it('accepts client_id/t/sign, case-insensitive names and upper-case hex', () => {
    expect(verify({ client_id: clientId, t: String(now), sign })).toEqual({
      ok: true,
      payloadRaw: body,
      clientId,
      t: now,
    })
    expect(verify({ 'Client-Id': clientId, Timestamp: String(now), SIGN: sign.toUpperCase() }).ok).toBe(true)
    expect(verify(new Headers({ 'client-id': clientId, t: String(now), sign })).ok).toBe(true)
  })
  it('accepts a 10-digit seconds timestamp inside the window', () => {
    const t = String(now / 1000)
    const s = signWebhook({ secret, clientId, t, body })
    expect(verify({ client_id: clientId, t, sign: s }).ok).toBe(true)
  })
  it('reports each failure with its code', () => {
    expect(verify({ client_id: clientId, t: String(now) })).toMatchObject({ ok: false, code: 'missing_signature' })
    expect(verify({ client_id: 'other', t: String(now), sign })).toMatchObject({ ok: false, code: 'unknown_client' })
    expect(verify({ client_id: clientId, t: String(now), sign }, body, now + 5 * 60_000 + 1)).toMatchObject({
      ok: false,
      code: 'stale_timestamp',
    })
    expect(verify({ client_id: clientId, t: 'abc', sign })).toMatchObject({ ok: false, code: 'stale_timestamp' })
    expect(verify({ client_id: clientId, t: String(now), sign }, body + ' ')).toMatchObject({
      ok: false,
      code: 'bad_signature',
    })
    expect(verify({ client_id: clientId, t: String(now), sign: sign.slice(2) })).toMatchObject({
      ok: false,
      code: 'bad_signature',
    })
  })
})

describe('verifyWebhookRequest — raw bytes', () => {
  // A JSON text holding bytes that are not valid UTF-8 (a device name in Latin-1, say). The sender signs the bytes.
  const bytes = Buffer.concat([Buffer.from('{"devId":"d1","name":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"}')])
  const t = String(now)
  const sign = createHmac('sha256', secret).update(`${clientId}${t}`).update(bytes).digest('hex')

  it('verifies the HMAC over the bytes as received, not over a decoded and re-encoded string', () => {
    expect(signWebhook({ secret, clientId, t, body: bytes })).toBe(sign)
    const result = verifyWebhookRequest({
      headers: { client_id: clientId, t, sign },
      rawBody: bytes,
      secret,
      clientId,
      now,
    })
    expect(result).toMatchObject({ ok: true, payloadRaw: bytes.toString('utf8') })
  })
  it('still refuses the same bytes with one changed', () => {
    const changed = Buffer.from(bytes)
    changed[changed.length - 3] = 0xfe
    const headers = { client_id: clientId, t, sign }
    expect(verifyWebhookRequest({ headers, rawBody: changed, secret, clientId, now })).toMatchObject({
      code: 'bad_signature',
    })
  })
})

describe('verifyWebhookRequest — Tuya body form {client-id, timestamp, sign, payload}', () => {
  const payload = '{"a":1,"b":{"c":"x"}}'
  const t = String(now)
  const sign = signWebhook({ secret, clientId, t, body: payload })

  it('verifies the raw payload string and returns it as payloadRaw', () => {
    const rawBody = JSON.stringify({ 'client-id': clientId, timestamp: t, sign, payload })
    expect(verifyWebhookRequest({ headers: {}, rawBody, secret, clientId, now })).toEqual({
      ok: true,
      payloadRaw: payload,
      clientId,
      t: now,
    })
  })
  it('accepts a numeric timestamp', () => {
    const rawBody = JSON.stringify({ 'client-id': clientId, timestamp: now, sign, payload })
    expect(verifyWebhookRequest({ headers: {}, rawBody, secret, clientId, now })).toMatchObject({
      ok: true,
      payloadRaw: payload,
    })
  })
  it.each([
    ['an object', { b: { c: 'x' }, a: 1 }],
    ['an array', [1, 2]],
    ['a number', 1],
    ['null', null],
  ])('treats %s payload as unsigned: only the signed string itself can be checked', (_label, value) => {
    // Even signed over the sorted-key serialisation, an object payload is refused: its bytes are not known.
    const rawBody = JSON.stringify({ 'client-id': clientId, timestamp: t, sign, payload: value })
    expect(verifyWebhookRequest({ headers: {}, rawBody, secret, clientId, now })).toMatchObject({
      ok: false,
      code: 'missing_signature',
    })
  })
  it('rejects a tampered payload and a body without sign', () => {
    const tampered = JSON.stringify({ 'client-id': clientId, timestamp: t, sign, payload: '{"a":2}' })
    expect(verifyWebhookRequest({ headers: {}, rawBody: tampered, secret, clientId, now })).toMatchObject({
      code: 'bad_signature',
    })
    expect(verifyWebhookRequest({ headers: {}, rawBody: payload, secret, clientId, now })).toMatchObject({
      code: 'missing_signature',
    })
    expect(verifyWebhookRequest({ headers: {}, rawBody: 'not json', secret, clientId, now })).toMatchObject({
      code: 'missing_signature',
    })
  })
})
