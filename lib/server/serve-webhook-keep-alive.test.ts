// A sender keeps its connection open between deliveries (Tuya's pusher and most HTTP clients do). An early answer
// (415 before reading, 413 part-way, 401 after reading) must leave that connection usable for the next request.
// Real sockets: one keep-alive http.Agent limited to one socket, so both requests share it when they can.
import { Agent, createServer, request, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { uniqueId, vendorAccessRecord } from '@/lib/ingest/fixtures/webhook-requests'
import { isWebhookRequest, serveWebhook } from '@/lib/server/serve-webhook'
import { signWebhook } from '@/lib/tuya/webhook/webhook-signature'

const config = { accessId: 'keepaliveclient00001', accessSecret: 'keepalivesecret0000000000000000x' }

type Answer = { status: number; socket: Socket; connection: string | undefined; body: string }

function signedHeaders(body: Buffer | string) {
  const t = String(Date.now())
  const sign = signWebhook({ secret: config.accessSecret, clientId: config.accessId, t, body: String(body) })
  return { 'content-type': 'application/json', client_id: config.accessId, t, sign }
}

type Delivery = { body: Buffer | string; headers: Record<string, string>; chunked?: boolean }

function send(url: URL, agent: Agent, { body, headers, chunked }: Delivery): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          socket: req.socket as Socket,
          connection: res.headers.connection,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
    req.on('error', reject)
    if (!chunked) return void req.end(body)
    // No content-length: the server only learns the size by reading.
    const bytes = Buffer.from(body)
    for (let at = 0; at < bytes.length; at += 64 * 1024) req.write(bytes.subarray(at, at + 64 * 1024))
    req.end()
  })
}

describe.each(TEST_PROVIDERS)('webhook keep-alive after an early answer on %s', (provider) => {
  let test: TestDatabase
  let server: Server
  let url: URL

  beforeAll(async () => {
    test = await createTestDatabase(provider)
    server = createServer((req, res) => {
      if (isWebhookRequest(req)) return void serveWebhook(req, res, test.db, config)
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/tuya`)
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await test.drop()
  })

  const valid = () => JSON.stringify(vendorAccessRecord(uniqueId('rec'), uniqueId('dev')))

  const padded = (kib: number) => JSON.stringify({ pad: 'x'.repeat(kib * 1024) })

  it.each<[string, number, () => Delivery]>([
    ['415 (not JSON, body never read)', 415, () => ({ body: valid(), headers: { 'content-type': 'text/plain' } })],
    ['415 with a 200 KiB body', 415, () => ({ body: padded(200), headers: { 'content-type': 'text/plain' } })],
    ['401 (bad signature)', 401, () => ({ body: valid(), headers: signedHeaders(valid()) })],
    ['413 (content-length declares 300 KiB)', 413, () => ({ body: padded(300), headers: signedHeaders('{}') })],
    [
      '413 (chunked, over the limit part-way through)',
      413,
      () => ({ body: padded(300), headers: signedHeaders('{}'), chunked: true }),
    ],
  ])('%s, then a valid delivery on the same socket → 200', async (_label, status, first) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const refused = await send(url, agent, first())
      expect(refused.status).toBe(status)
      expect(refused.connection).not.toBe('close')

      const next = valid()
      const accepted = await send(url, agent, { body: next, headers: signedHeaders(next) })
      expect(accepted.status).toBe(200)
      expect(JSON.parse(accepted.body)).toMatchObject({ ok: true, duplicate: false })
      expect(accepted.socket).toBe(refused.socket)
    } finally {
      agent.destroy()
    }
  })

  it('a body far over the limit is answered with Connection: close, and the next delivery gets a fresh socket', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const huge = Buffer.alloc(8 * 1024 * 1024, 0x20)
      const refused = await send(url, agent, { body: huge, headers: signedHeaders('{}') })
      expect(refused.status).toBe(413)
      expect(refused.connection).toBe('close')

      const next = valid()
      const accepted = await send(url, agent, { body: next, headers: signedHeaders(next) })
      expect(accepted.status).toBe(200)
    } finally {
      agent.destroy()
    }
  })
})
