// POST /api/webhooks/tuya error paths (400/413/415/503) — see handle-webhook.test.ts. As README "Webhook" specifies it, through handleTuyaWebhook with real Request
// objects and a real database: every answer's status and body, what is stored (and that nothing is on 401/413/415),
// the header and body forms Tuya and the vendor use, the encrypted message-service envelope, and 503 while the
// database is down followed by a clean retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { createDatabaseOutage, type DatabaseOutage } from '@/lib/db/test-outage'
import {
  countWebhookRows,
  encryptedEnvelope,
  streamedRequest,
  signedWebhookRequest,
  uniqueId,
  vendorAccessRecord,
  webhookConfig,
} from '@/lib/ingest/fixtures/webhook-requests'
import { handleTuyaWebhook, WEBHOOK_MAX_BYTES } from '@/lib/ingest/sources/handle-webhook'

type ErrorJson = { error: { code: string; message: string } }

describe.each(TEST_PROVIDERS)('POST /api/webhooks/tuya on %s', (provider) => {
  let test: TestDatabase

  beforeAll(async () => {
    test = await createTestDatabase(provider)
  })
  afterAll(async () => {
    await test.drop()
  })

  const post = (request: Request) => handleTuyaWebhook(test.db, request, webhookConfig)
  const rowCounts = () => countWebhookRows(test.db)
  describe('400: stored as unrecognised, so nothing is lost', () => {
    it('malformed JSON → 400 malformed_json, the exact bytes kept; a re-post is still one row', async () => {
      const raw = `{"bizCode":"accessRecord","devId":"${uniqueId('dev')}","bizData":{"recordId":`

      const response = await post(signedWebhookRequest(raw))
      const again = await post(signedWebhookRequest(raw))

      expect(response.status).toBe(400)
      expect(((await response.json()) as ErrorJson).error).toEqual({
        code: 'malformed_json',
        message: expect.any(String),
      })
      expect(again.status).toBe(400)
      const stored = await test.db.inboundMessage.findMany({ where: { payload: raw } })
      expect(stored).toHaveLength(1)
      expect(stored[0]).toMatchObject({
        source: 'webhook',
        outcome: 'unrecognised',
        reason: 'payload is not valid JSON',
      })
    })

    it('an unknown shape → 400 unrecognised_message, stored with the reason', async () => {
      const raw = JSON.stringify({ hello: 'world', nonce: uniqueId('n') })

      const response = await post(signedWebhookRequest(raw))

      expect(response.status).toBe(400)
      expect(((await response.json()) as ErrorJson).error).toEqual({
        code: 'unrecognised_message',
        message: expect.stringContaining('stored as unrecognised'),
      })
      const stored = await test.db.inboundMessage.findFirstOrThrow({ where: { payload: raw } })
      expect(stored).toMatchObject({ source: 'webhook', outcome: 'unrecognised', shape: 'unknown' })
      expect(stored.reason).toBeTruthy()

      // Re-posting gets the same answer (not a misleading 200), and is still stored once.
      const again = await post(signedWebhookRequest(raw))
      expect(again.status).toBe(400)
      expect(await test.db.inboundMessage.count({ where: { payload: raw } })).toBe(1)
    })

    it('an encrypted envelope that the Access Secret does not open → 400, stored as unrecognised', async () => {
      const envelope = encryptedEnvelope(
        vendorAccessRecord(uniqueId('rec'), uniqueId('dev')),
        'gcm',
        '0123456789abcdef0123456789abcdef',
      )
      const raw = JSON.stringify(envelope)

      const response = await post(signedWebhookRequest(raw))

      expect(response.status).toBe(400)
      expect(((await response.json()) as ErrorJson).error.code).toBe('unrecognised_message')
      const stored = await test.db.inboundMessage.findFirstOrThrow({ where: { payload: raw } })
      expect(stored).toMatchObject({
        outcome: 'unrecognised',
        reason: expect.stringContaining('could not be decrypted'),
      })
    })
  })

  describe('413 / 415: refused before reading or verifying, nothing stored', () => {
    it('413 payload_too_large when content-length declares more than 256 KiB', async () => {
      const before = await rowCounts()
      const request = signedWebhookRequest('{}', { headers: { 'content-length': String(WEBHOOK_MAX_BYTES + 1) } })

      const response = await post(request)

      expect(response.status).toBe(413)
      expect(((await response.json()) as ErrorJson).error.code).toBe('payload_too_large')
      expect(await rowCounts()).toEqual(before)
    })

    it('413 payload_too_large for a chunked body that grows past 256 KiB without a content-length', async () => {
      const before = await rowCounts()
      const request = streamedRequest(WEBHOOK_MAX_BYTES + 64 * 1024)
      expect(request.headers.get('content-length')).toBeNull()

      const response = await post(request)

      expect(response.status).toBe(413)
      expect(((await response.json()) as ErrorJson).error.code).toBe('payload_too_large')
      expect(await rowCounts()).toEqual(before)
    })

    it('a signed body of exactly 256 KiB is accepted', async () => {
      const payload = vendorAccessRecord(uniqueId('rec'), uniqueId('dev'))
      const compact = JSON.stringify(payload)
      const raw = compact.slice(0, -1) + ' '.repeat(WEBHOOK_MAX_BYTES - compact.length) + '}'
      expect(Buffer.byteLength(raw)).toBe(WEBHOOK_MAX_BYTES)

      const response = await post(signedWebhookRequest(raw))

      expect(response.status).toBe(200)
    })

    it.each([
      ['text/plain', 'text/plain'],
      ['form data', 'application/x-www-form-urlencoded'],
      ['no content type', ''],
    ])('415 unsupported_media_type for %s', async (_label, contentType) => {
      const before = await rowCounts()
      const raw = JSON.stringify(vendorAccessRecord(uniqueId('rec'), uniqueId('dev')))
      const request = signedWebhookRequest(raw, { contentType })
      if (!contentType) request.headers.delete('content-type')

      const response = await post(request)

      expect(response.status).toBe(415)
      expect(((await response.json()) as ErrorJson).error.code).toBe('unsupported_media_type')
      expect(await rowCounts()).toEqual(before)
    })
  })

  describe('503: storage unavailable', () => {
    let outage: DatabaseOutage

    beforeAll(async () => {
      outage = await createDatabaseOutage(test)
    })
    afterAll(async () => {
      await outage.end()
      await outage.close()
    })

    it('answers 503 unavailable while the database is down (valid and malformed alike); the retry after recovery is stored once', async () => {
      const payload = vendorAccessRecord(uniqueId('rec'), uniqueId('dev'))
      const raw = JSON.stringify(payload)
      const malformed = `{"oops":${uniqueId('x')}`
      const postVia = (request: Request) => handleTuyaWebhook(outage.db, request, webhookConfig)

      await outage.begin()
      const down = await Promise.all([postVia(signedWebhookRequest(raw)), postVia(signedWebhookRequest(malformed))])
      await outage.end()

      for (const response of down) {
        expect(response.status).toBe(503)
        expect(((await response.json()) as ErrorJson).error).toEqual({
          code: 'unavailable',
          message: expect.any(String),
        })
      }
      expect(await test.db.inboundMessage.count({ where: { sourceMessageId: payload.bizData.recordId } })).toBe(0)

      const retried = await postVia(signedWebhookRequest(raw))
      expect(retried.status).toBe(200)
      expect(await retried.json()).toMatchObject({ ok: true, duplicate: false, events: [{ kind: 'access' }] })
      expect((await postVia(signedWebhookRequest(malformed))).status).toBe(400)
      expect(await test.db.inboundMessage.count({ where: { sourceMessageId: payload.bizData.recordId } })).toBe(1)
      expect(await test.db.accessEvent.count({ where: { deviceTuyaId: payload.devId } })).toBe(1)
      expect(await test.db.inboundMessage.count({ where: { payload: malformed } })).toBe(1)
    })
  })
})
