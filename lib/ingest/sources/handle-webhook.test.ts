// POST /api/webhooks/tuya as README "Webhook" specifies it, through handleTuyaWebhook with real Request
// objects and a real database: every answer's status and body, what is stored (and that nothing is on 401/413/415),
// the header and body forms Tuya and the vendor use, the encrypted message-service envelope, and 503 while the
// database is down followed by a clean retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import {
  bodyFormWebhookRequest,
  countWebhookRows,
  encryptedEnvelope,
  type EnvelopeMode,
  signedWebhookRequest,
  TEST_ACCESS_ID,
  TEST_ACCESS_SECRET,
  uniqueId,
  vendorAccessRecord,
  WEBHOOK_URL,
  webhookConfig,
} from '@/lib/ingest/fixtures/webhook-requests'
import { handleTuyaWebhook } from '@/lib/ingest/sources/handle-webhook'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { signWebhook } from '@/lib/tuya/webhook/webhook-signature'

type ErrorJson = { error: { code: string; message: string } }
type OkJson = { ok: true; duplicate: boolean; id: string; events?: { kind: string; id: string }[] }

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
  describe('200: stored', () => {
    it('answers {ok, duplicate:false, id, events} with the stored message id and the domain rows it created', async () => {
      const payload = vendorAccessRecord(uniqueId('rec'), uniqueId('dev'))

      const response = await post(signedWebhookRequest(JSON.stringify(payload)))

      expect(response.status).toBe(200)
      const body = (await response.json()) as OkJson
      const stored = await test.db.inboundMessage.findUniqueOrThrow({
        where: { sourceMessageId: payload.bizData.recordId },
      })
      const access = await test.db.accessEvent.findFirstOrThrow({ where: { messageId: stored.id } })
      expect(body).toEqual({ ok: true, duplicate: false, id: stored.id, events: [{ kind: 'access', id: access.id }] })
      expect(stored).toMatchObject({ source: 'webhook', outcome: 'processed', payload: JSON.stringify(payload) })
    })

    it('answers {ok, duplicate:true, id} (no events) for a message already stored', async () => {
      const raw = JSON.stringify(vendorAccessRecord(uniqueId('rec'), uniqueId('dev')))
      const first = (await (await post(signedWebhookRequest(raw))).json()) as OkJson
      const before = await rowCounts()

      const response = await post(signedWebhookRequest(raw))

      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ ok: true, duplicate: true, id: first.id })
      expect(await rowCounts()).toEqual(before)
    })

    it('20 concurrent POSTs of one access record → one AccessEvent; one duplicate:false, 19 duplicate:true with its id', async () => {
      const payload = vendorAccessRecord(uniqueId('rec'), uniqueId('dev'))
      const raw = JSON.stringify(payload)

      const responses = await Promise.all(Array.from({ length: 20 }, () => post(signedWebhookRequest(raw))))

      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as OkJson[]
      const fresh = bodies.filter((b) => !b.duplicate)
      expect(fresh).toHaveLength(1)
      for (const b of bodies.filter((b) => b.duplicate))
        expect(b).toEqual({ ok: true, duplicate: true, id: fresh[0].id })
      expect(await test.db.inboundMessage.count({ where: { sourceMessageId: payload.bizData.recordId } })).toBe(1)
      expect(await test.db.accessEvent.count({ where: { deviceTuyaId: payload.devId } })).toBe(1)
    })

    it.each([
      ['call', { bizCode: 'callStatus', bizData: { callId: 'c-1', status: 'calling', time: Date.now() } }],
      ['alarm', { bizCode: 'accessAlarm', bizData: { alarmId: 'a-1', type: 'duress', time: Date.now() } }],
      ['device', { bizCode: 'online', bizData: { time: Date.now() } }],
      ['access', { status: [{ code: 'unlock_card', value: 2, t: Date.now() }] }],
    ])('lists a %s event it created', async (kind, shape) => {
      const devId = uniqueId('dev')
      const payload = { ...shape, devId, dataId: uniqueId('data'), ts: Date.now() }

      const response = await post(signedWebhookRequest(JSON.stringify(payload)))

      expect(response.status).toBe(200)
      const body = (await response.json()) as OkJson
      expect(body.events?.map((e) => e.kind)).toContain(kind)
    })

    it.each([
      ['client_id + t', { clientId: 'client_id', t: 't' }, (s: string) => s],
      ['client-id + timestamp', { clientId: 'client-id', t: 'timestamp' }, (s: string) => s],
      [
        'upper-case header names and hex sign',
        { clientId: 'CLIENT_ID', t: 'T', sign: 'Sign' },
        (s: string) => s.toUpperCase(),
      ],
    ])('accepts the header form with %s', async (_label, names, caseOf) => {
      const raw = JSON.stringify(vendorAccessRecord(uniqueId('rec'), uniqueId('dev')))
      const t = String(Date.now())
      const sign = caseOf(signWebhook({ secret: TEST_ACCESS_SECRET, clientId: TEST_ACCESS_ID, t, body: raw }))

      const response = await post(signedWebhookRequest(raw, { names, t, sign }))

      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ ok: true, duplicate: false })
    })

    it('accepts Tuya\'s body form {"client-id","timestamp","sign","payload"} and stores the payload string', async () => {
      const payload = vendorAccessRecord(uniqueId('rec'), uniqueId('dev'))
      const payloadRaw = JSON.stringify(payload)

      const response = await post(bodyFormWebhookRequest(payloadRaw))

      expect(response.status).toBe(200)
      const body = (await response.json()) as OkJson
      expect(body).toMatchObject({ ok: true, duplicate: false, events: [{ kind: 'access' }] })
      const stored = await test.db.inboundMessage.findUniqueOrThrow({ where: { id: body.id } })
      expect(stored.payload).toBe(payloadRaw)
    })

    it.each<EnvelopeMode>(['ecb', 'gcm', 'gcm without encryptVersion'])(
      'decrypts the encrypted message-service envelope (%s); the same message from the message service is a duplicate',
      async (mode) => {
        const payload = vendorAccessRecord(uniqueId('rec'), uniqueId('dev'))

        const response = await post(signedWebhookRequest(JSON.stringify(encryptedEnvelope(payload, mode))))

        expect(response.status).toBe(200)
        const body = (await response.json()) as OkJson
        expect(body).toMatchObject({ ok: true, duplicate: false, events: [{ kind: 'access' }] })
        const stored = await test.db.inboundMessage.findUniqueOrThrow({ where: { id: body.id } })
        expect(stored).toMatchObject({
          outcome: 'processed',
          payload: JSON.stringify(payload),
          sourceMessageId: payload.bizData.recordId,
        })
        const viaMq = await ingestMessage(test.db, { source: 'mq', payload, raw: JSON.stringify(payload) })
        expect(viaMq).toMatchObject({ duplicate: true, id: body.id })
      },
    )
  })

  describe('401: not authenticated, nothing stored', () => {
    const raw = () => JSON.stringify(vendorAccessRecord(uniqueId('rec'), uniqueId('dev')))
    const fiveMinutes = 5 * 60_000

    it.each<[string, () => Request, string]>([
      [
        'a bad signature',
        () => signedWebhookRequest(raw(), { secret: 'ffffffffffffffffffffffffffffffff' }),
        'bad_signature',
      ],
      [
        'a signature over other bytes',
        () =>
          signedWebhookRequest(raw(), {
            sign: signWebhook({ secret: TEST_ACCESS_SECRET, clientId: TEST_ACCESS_ID, t: '1', body: '{}' }),
          }),
        'bad_signature',
      ],
      [
        'no signature at all',
        () =>
          new Request(WEBHOOK_URL, {
            method: 'POST',
            headers: { 'content-type': 'application/json', client_id: TEST_ACCESS_ID, t: String(Date.now()) },
            body: raw(),
          }),
        'missing_signature',
      ],
      ['an unknown client id', () => signedWebhookRequest(raw(), { clientId: 'someoneelse000001' }), 'unknown_client'],
      [
        'a timestamp more than 5 minutes old',
        () => signedWebhookRequest(raw(), { t: Date.now() - fiveMinutes - 5_000 }),
        'stale_timestamp',
      ],
      [
        'a timestamp more than 5 minutes ahead',
        () => signedWebhookRequest(raw(), { t: Date.now() + fiveMinutes + 5_000 }),
        'stale_timestamp',
      ],
      ['a timestamp that is not a number', () => signedWebhookRequest(raw(), { t: 'yesterday' }), 'stale_timestamp'],
      [
        'the body form with a bad sign',
        () => bodyFormWebhookRequest(raw(), { sign: 'ab'.repeat(32) }),
        'bad_signature',
      ],
      [
        'the body form from an unknown client',
        () => bodyFormWebhookRequest(raw(), { clientId: 'someoneelse000001' }),
        'unknown_client',
      ],
      [
        'the body form with an object payload, even one signed over its sorted-key JSON',
        () => {
          // Keys already in sorted order at every level, so this JSON text is the sorted-key serialisation.
          const payload = {
            bizCode: 'accessRecord',
            bizData: { recordId: uniqueId('rec'), success: true, time: Date.now(), way: 4 },
            devId: uniqueId('dev'),
            ts: Date.now(),
          }
          const timestamp = Date.now()
          const sign = signWebhook({
            secret: TEST_ACCESS_SECRET,
            clientId: TEST_ACCESS_ID,
            t: timestamp,
            body: JSON.stringify(payload),
          })
          return new Request(WEBHOOK_URL, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ 'client-id': TEST_ACCESS_ID, timestamp, sign, payload }),
          })
        },
        'missing_signature',
      ],
    ])('%s', async (_label, request, code) => {
      const before = await rowCounts()

      const response = await post(request())

      expect(response.status).toBe(401)
      expect(((await response.json()) as ErrorJson).error).toEqual({ code, message: expect.any(String) })
      expect(await rowCounts()).toEqual(before)
    })
  })
})
