// The control API (simulator/README.md) and the webhook pusher, as tests and operators use them.
import { type IncomingMessage, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyWebhookRequest } from '@/lib/tuya/webhook/webhook-signature'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'
import { waitFor } from '@/simulator/testing/raw-consumer'

const lock = DEMO_BUILDING.devices.find((d) => d.category === 'jtmspro')!
const panel = DEMO_BUILDING.devices.find((d) => d.category === 'mk')!
const station = DEMO_BUILDING.devices.find((d) => d.category === 'sp')!
let sim: RunningSimulator

beforeAll(async () => {
  sim = await startSimulator({ port: 0, webhookRetry: { baseDelayMs: 10, attempts: 3 }, iotCore: true })
})
afterAll(() => sim.close())

const get = async (path: string) => (await fetch(`${sim.url}${path}`)).json()
const post = async (path: string, body: unknown, method = 'POST') => {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

describe('control API', () => {
  it('lists devices and residents of the demo building', async () => {
    const devices = await get('/_sim/devices')
    expect(devices).toHaveLength(DEMO_BUILDING.devices.length)
    expect(devices[0]).toEqual({
      id: DEMO_BUILDING.devices[0].id,
      name: DEMO_BUILDING.devices[0].name,
      category: 'mk',
      online: true,
    })
    for (const d of devices) expect(d.id).toMatch(/^[0-9a-z]{20,22}$/)
    expect((await get('/_sim/residents')).map((r: { id: string }) => r.id)).toContain('res-alice-martin')
  })

  it('hosts bytes of any kind under a signed media URL, answered with the content type it was given', async () => {
    const page = '<html><script>alert(1)</script></html>'
    const res = await post('/_sim/media', { base64: Buffer.from(page).toString('base64'), contentType: 'image/jpeg' })
    expect(res.status).toBe(200)
    expect(res.body.url).toMatch(/\/_sim\/media\/.+\.jpg\?expires=\d+&sig=[0-9a-f]+$/)
    const served = await fetch(res.body.url)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect(await served.text()).toBe(page)
    expect((await post('/_sim/media', { base64: '%%%', contentType: 'text/html' })).status).toBe(400)
  })

  it('shows what a device holds', async () => {
    const detail = await get(`/_sim/devices/${lock.id}`)
    expect(detail.members).toContainEqual(expect.objectContaining({ residentId: 'res-alice-martin', faceSlot: 1 }))
    expect(detail).toMatchObject({ unlockCommands: [], triggers: expect.arrayContaining(['low_battery']) })
    const panelDetail = await get(`/_sim/devices/${panel.id}`)
    expect(panelDetail.cards).toContainEqual(expect.objectContaining({ cardNo: '0A1B2C01', personId: 'hvp0001alice' }))
  })

  it('triggers every kind a device supports and reports the messages with their source ids', async () => {
    for (const device of [panel, station, lock]) {
      const { triggers } = await get(`/_sim/devices/${device.id}`)
      for (const kind of triggers as string[]) {
        const res = await post(`/_sim/devices/${device.id}/trigger`, { kind })
        expect(res.status, `${kind} on ${device.category}`).toBe(200)
        expect(res.body.ok).toBe(true)
        for (const m of res.body.messages)
          expect(m).toEqual({
            messageId: expect.any(String),
            sourceId: expect.any(String),
            protocol: expect.any(Number),
            payload: expect.any(Object),
          })
      }
    }
  })

  it('emits online/offline as protocol 20 and IoT Core 1001; an offline device refuses triggers', async () => {
    const off = await post(`/_sim/devices/${lock.id}/trigger`, { kind: 'offline' })
    expect(off.body.messages.map((m: { protocol: number }) => m.protocol)).toEqual([20, 1001])
    expect(off.body.messages[0].payload).toMatchObject({
      bizCode: 'offline',
      devId: lock.id,
      bizData: { devId: lock.id, time: expect.any(Number) },
    })
    expect(off.body.messages[1].payload).toMatchObject({ bizCode: 'deviceOffline', bizData: { devId: lock.id } })
    expect((await post(`/_sim/devices/${lock.id}/trigger`, { kind: 'face_unlock' })).status).toBe(409)
    await post(`/_sim/devices/${lock.id}/trigger`, { kind: 'online' })
  })

  it('picks the resident asked for, and refuses one without that credential', async () => {
    const res = await post(`/_sim/devices/${lock.id}/trigger`, { kind: 'card_unlock', residentId: 'res-dara-okafor' })
    expect(res.body.messages[0].payload.status[0]).toMatchObject({ code: 'unlock_card', value: 3 })
    expect(
      (await post(`/_sim/devices/${lock.id}/trigger`, { kind: 'card_unlock', residentId: 'res-chen-wei' })).status,
    ).toBe(409)
    expect((await post(`/_sim/devices/${lock.id}/trigger`, { kind: 'teleport' })).status).toBe(400)
  })

  it('injects raw payloads, guessing protocol and source id', async () => {
    const res = await post('/_sim/emit', {
      payload: { bizCode: 'callStatus', devId: station.id, bizData: { callId: 'c-9', status: 'rejected' } },
    })
    expect(res.body.messages[0]).toMatchObject({ protocol: 20, sourceId: 'c-9:rejected' })
    const odd = await post('/_sim/emit', { payload: 'not even an object', protocol: 4 })
    expect(odd.body.messages[0]).toMatchObject({ protocol: 4, sourceId: null, payload: 'not even an object' })
  })

  it('reports delivery state per message, and accepts fault and demo settings', async () => {
    const deliveries = await get('/_sim/deliveries?state=pending')
    expect(deliveries.counts.pending).toBeGreaterThan(0)
    expect(deliveries.items[0]).toMatchObject({ mq: 'pending', deliveryCount: 0, webhook: null })
    expect(
      (await post('/_sim/faults', { latencyMs: 0, rateLimit: { path: '/v1.0/devices', perSecond: 100 } })).body,
    ).toMatchObject({ ok: true })
    expect((await post('/_sim/faults', {}, 'DELETE')).body).toMatchObject({ ok: true, faults: { rateLimits: [] } })
    expect((await post('/_sim/demo', { perMinute: 0 })).body).toEqual({ ok: true, perMinute: 0 })
    expect((await post('/_sim/load', { count: 20, wait: true })).body).toMatchObject({ ok: true, emitted: 20 })
  })
})

describe('webhook pusher', () => {
  it('posts each message signed, retries on 5xx, and records the outcome', async () => {
    const received: { verified: boolean; body: unknown }[] = []
    let calls = 0
    const target = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        calls += 1
        const rawBody = Buffer.concat(chunks).toString('utf8')
        const verdict = verifyWebhookRequest({
          headers: req.headers,
          rawBody,
          secret: sim.accessSecret,
          clientId: sim.accessId,
        })
        received.push({ verified: verdict.ok, body: JSON.parse(rawBody) })
        res.writeHead(calls === 1 ? 503 : 200).end('{}')
      })
    })
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/hook`
      expect((await post('/_sim/webhook', { url })).body).toEqual({ ok: true, url })
      const [message] = sim.trigger(panel.id, 'tamper')
      const record = sim.deliveries().find((m) => m.messageId === message.messageId)!
      await waitFor(() => record.webhook?.state === 'delivered', 5_000, 'webhook delivery')
      expect(record.webhook).toMatchObject({ attempts: 2, lastStatus: 200 })
      expect(received.every((r) => r.verified)).toBe(true)
      expect(received[1].body).toEqual(message.payload)
    } finally {
      await post('/_sim/webhook', { url: null })
      await new Promise((resolve) => target.close(resolve))
    }
  })
})

describe('control API: mutating calls a web page cannot make', () => {
  const trigger = `/_sim/devices/${panel.id}/trigger`
  const body = JSON.stringify({ kind: 'doorbell' })
  const send = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string }) =>
    fetch(`${sim.url}${path}`, { method: init.method ?? 'POST', headers: init.headers, body: init.body })
  const published = () => sim.deliveries().length

  it.each([
    ['text/plain (a cross-site "simple" POST)', 'text/plain;charset=UTF-8'],
    ['a form post', 'application/x-www-form-urlencoded'],
    ['multipart form data', 'multipart/form-data; boundary=x'],
  ])('refuses %s with 415 and does nothing', async (_label, contentType) => {
    const before = published()
    const response = await send(trigger, { headers: { 'content-type': contentType }, body })
    expect(response.status).toBe(415)
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } })
    expect(published()).toBe(before)
  })

  it('refuses a body-less DELETE or POST without a JSON content type', async () => {
    expect((await send('/_sim/faults', { method: 'DELETE' })).status).toBe(415)
    expect((await send('/_sim/demo', {})).status).toBe(415)
  })

  it.each(['https://evil.example', 'http://127.0.0.1.evil.example:4100', 'null', 'http://192.168.1.20:4100'])(
    'refuses JSON from the page origin %s with 403 and does nothing',
    async (origin) => {
      const before = published()
      const response = await send(trigger, { headers: { 'content-type': 'application/json', origin }, body })
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } })
      expect(published()).toBe(before)
    },
  )

  it.each(['http://127.0.0.1:4100', 'http://localhost:3000', 'http://[::1]:4100', 'http://console.localhost'])(
    'accepts JSON from the loopback origin %s (the control page itself, a local console)',
    async (origin) => {
      const response = await send(trigger, { headers: { 'content-type': 'application/json', origin }, body })
      expect(response.status).toBe(200)
    },
  )

  it('accepts JSON without an Origin (curl, tests, the e2e helpers), and reads from anywhere', async () => {
    const json = { 'content-type': 'application/json; charset=utf-8' }
    expect((await send(trigger, { headers: json, body })).status).toBe(200)
    expect((await send('/_sim/faults', { method: 'DELETE', headers: json })).status).toBe(200)
    const read = await fetch(`${sim.url}/_sim/devices`, { headers: { origin: 'https://evil.example' } })
    expect(read.status).toBe(200)
  })
})
