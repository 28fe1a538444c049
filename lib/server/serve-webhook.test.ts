// The node:http fast path server.ts uses for the webhook: same answers as the handler itself, over a real socket.
import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { isWebhookRequest, serveWebhook } from '@/lib/server/serve-webhook'
import { signWebhook } from '@/lib/tuya/webhook/webhook-signature'

const config = { accessId: 'fastpathclient0000001', accessSecret: 'fastpathsecret00000000000000000x' }

describe.each(TEST_PROVIDERS)('webhook fast path on %s', (provider) => {
  let test: TestDatabase
  let server: Server
  let url: string

  beforeAll(async () => {
    test = await createTestDatabase(provider)
    server = createServer((req, res) => {
      if (isWebhookRequest(req)) return void serveWebhook(req, res, test.db, config)
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/tuya`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await test.drop()
  })

  const post = (body: string, headers: Record<string, string> = {}) => {
    const t = String(Date.now())
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        client_id: config.accessId,
        t,
        sign: signWebhook({ secret: config.accessSecret, clientId: config.accessId, t, body }),
        ...headers,
      },
      body,
    })
  }

  it('stores a signed vendor record once and answers as the README says', async () => {
    const body = JSON.stringify({
      bizCode: 'accessRecord',
      devId: 'fast-dev-1',
      ts: Date.now(),
      bizData: { recordId: 'fast-rec-1', way: 4, userId: 'u-1', success: true, time: Date.now() },
    })
    const first = await post(body)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toContain('application/json')
    const stored = (await first.json()) as { ok: boolean; duplicate: boolean; id: string; events: { kind: string }[] }
    expect(stored).toMatchObject({ ok: true, duplicate: false, events: [{ kind: 'access' }] })
    expect(await (await post(body)).json()).toEqual({ ok: true, duplicate: true, id: stored.id })
    expect(await test.db.accessEvent.count({ where: { deviceTuyaId: 'fast-dev-1' } })).toBe(1)
  })

  it('refuses a bad signature (401) and an oversized body (413) without storing anything', async () => {
    const before = await test.db.inboundMessage.count()
    const bad = await post('{"bizCode":"accessRecord"}', { sign: 'deadbeef' })
    expect(bad.status).toBe(401)
    // Served outside Next (and its proxy.ts), yet with the same API protections.
    expect(bad.headers.get('x-content-type-options')).toBe('nosniff')
    expect(bad.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox")
    expect(bad.headers.get('referrer-policy')).toBe('same-origin')
    const huge = await post(JSON.stringify({ pad: 'x'.repeat(300 * 1024) }))
    expect(huge.status).toBe(413)
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
    expect(await test.db.inboundMessage.count()).toBe(before)
  })

  it('verifies the signature over the bytes received, even where they are not valid UTF-8', async () => {
    const devId = `fast-dev-${Date.now()}`
    const bytes = Buffer.concat([
      Buffer.from(
        `{"bizCode":"accessRecord","devId":"${devId}","ts":${Date.now()},"bizData":{"recordId":"r-${devId}",`,
      ),
      Buffer.from('"userName":"Ren'),
      Buffer.from([0xe9, 0xff]), // Latin-1 é and a stray byte: the sender signed these bytes
      Buffer.from(`","way":4,"success":true,"time":${Date.now()}}}`),
    ])
    const t = String(Date.now())
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        client_id: config.accessId,
        t,
        // Computed here, over the bytes, independently of the code under test.
        sign: createHmac('sha256', config.accessSecret).update(`${config.accessId}${t}`).update(bytes).digest('hex'),
      },
      body: bytes,
    })
    expect(response.status).toBe(200)
    expect(await test.db.accessEvent.count({ where: { deviceTuyaId: devId } })).toBe(1)
  })

  it('leaves every other request to Next', () => {
    expect(isWebhookRequest({ method: 'GET', url: '/api/webhooks/tuya' } as never)).toBe(false)
    expect(isWebhookRequest({ method: 'POST', url: '/api/webhooks/tuya?x=1' } as never)).toBe(true)
    expect(isWebhookRequest({ method: 'POST', url: '/api/webhooks/tuyax' } as never)).toBe(false)
  })
})
