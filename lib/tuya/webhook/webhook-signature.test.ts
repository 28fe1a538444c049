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
  it('accepts a numeric timestamp and an object payload serialised with sorted keys', () => {
    const rawBody = JSON.stringify({ 'client-id': clientId, timestamp: now, sign, payload: { b: { c: 'x' }, a: 1 } })
    expect(verifyWebhookRequest({ headers: {}, rawBody, secret, clientId, now })).toMatchObject({
      ok: true,
      payloadRaw: payload,
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
