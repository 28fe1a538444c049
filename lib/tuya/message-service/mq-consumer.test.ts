// The consumer against a tiny in-test server speaking the Pulsar WebSocket consumer format (docs/tuya-protocol.md §3.4).
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { buildMqPassword, encryptMessageData } from '@/lib/tuya/message-service/message-crypto'
import {
  type MessageConsumer,
  type MessageConsumerOptions,
  buildConsumerUrl,
  createMessageConsumer,
} from '@/lib/tuya/message-service/mq-consumer'
import type { DecodedMessage, UndecodableFrame } from '@/lib/tuya/message-service/mq-frames'

const accessId = 'accessIdtesttesttest'
const accessSecret = 'accessKeyesttesttesttesttesttest'
const expectedPath = `/ws/v2/consumer/persistent/${accessId}/out/event/${accessId}-sub`

type ClientFrame = { messageId: string; type?: string }

async function startBroker(options: { autoPong?: boolean } = {}) {
  const received: ClientFrame[] = []
  const handshakes: { url: string; username?: string; password?: string }[] = []
  const sockets: WebSocket[] = []
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', autoPong: options.autoPong ?? true })
  wss.on('connection', (ws, req) => {
    handshakes.push({
      url: req.url ?? '',
      username: req.headers.username as string,
      password: req.headers.password as string,
    })
    sockets.push(ws)
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as ClientFrame))
  })
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()))
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    received,
    handshakes,
    latest: () => sockets[sockets.length - 1],
    send(frame: Record<string, unknown>) {
      sockets[sockets.length - 1].send(JSON.stringify(frame))
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate()
        wss.close(() => resolve())
      }),
  }
}

function buildFrame(messageId: string, body: unknown, mode: 'ecb' | 'gcm') {
  const data = encryptMessageData(JSON.stringify(body), accessSecret, { mode })
  const envelope = {
    data,
    protocol: 4,
    pv: '2.0',
    sign: 'x',
    t: 1700000000000,
    ...(mode === 'gcm' ? { encryptVersion: 'v2' } : {}),
  }
  return {
    messageId,
    payload: Buffer.from(JSON.stringify(envelope)).toString('base64'),
    properties: mode === 'gcm' ? { em: 'aes_gcm', tid: 'tid-1' } : {},
    publishTime: '2023-11-14 22:13:20.000',
    key: 'dev1',
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}

let cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn()
  cleanup = []
})

async function setup(overrides: Partial<MessageConsumerOptions> = {}, brokerOptions: { autoPong?: boolean } = {}) {
  const broker = await startBroker(brokerOptions)
  const messages: DecodedMessage[] = []
  const consumer: MessageConsumer = createMessageConsumer({
    wsBaseUrl: broker.url,
    accessId,
    accessSecret,
    env: 'event',
    reconnectBaseMs: 10,
    reconnectMaxMs: 50,
    onMessage: async (m) => {
      messages.push(m)
    },
    ...overrides,
  })
  cleanup.push(broker.close, () => consumer.stop())
  consumer.start()
  await waitFor(() => consumer.stats().connected)
  return { broker, consumer, messages }
}

describe('buildConsumerUrl', () => {
  it('matches the Pulsar WS consumer path of §3.4', () => {
    expect(
      buildConsumerUrl({
        wsBaseUrl: 'wss://mqe.tuyaeu.com:8285',
        accessId: 'abc',
        env: 'event-test',
        ackTimeoutMillis: 3000,
      }),
    ).toBe(
      'wss://mqe.tuyaeu.com:8285/ws/v2/consumer/persistent/abc/out/event-test/abc-sub?ackTimeoutMillis=3000&subscriptionType=Failover',
    )
  })
})

describe('createMessageConsumer', () => {
  it('authenticates with username/password upgrade headers on the topic URL', async () => {
    const { broker } = await setup()
    const [hs] = broker.handshakes
    expect(hs.url).toBe(`${expectedPath}?ackTimeoutMillis=30000&subscriptionType=Failover`)
    expect(hs).toMatchObject({ username: accessId, password: buildMqPassword(accessId, accessSecret) })
  })

  it('decrypts ECB and GCM messages and acks each after the handler resolves', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const messages: DecodedMessage[] = []
    const { broker, consumer } = await setup({
      onMessage: async (m) => {
        messages.push(m)
        await gate
      },
    })
    const status = { devId: 'dev1', status: [{ code: 'unlock_face', value: 3, t: 1700000000123 }] }
    broker.send(buildFrame('CAAQAA==', status, 'ecb'))
    broker.send(buildFrame('CAAQAQ==', { ...status, dataId: 'two' }, 'gcm'))
    await waitFor(() => messages.length === 1)
    expect(broker.received).toEqual([]) // handler still pending: nothing acked
    release()
    await waitFor(() => broker.received.length === 2)
    expect(broker.received).toEqual([{ messageId: 'CAAQAA==' }, { messageId: 'CAAQAQ==' }])
    expect(messages[0]).toMatchObject({
      messageId: 'CAAQAA==',
      payload: status,
      key: 'dev1',
      envelope: { protocol: 4, pv: '2.0' },
    })
    expect(messages[1]).toMatchObject({ payload: { dataId: 'two' }, properties: { em: 'aes_gcm', tid: 'tid-1' } })
    expect(JSON.parse(messages[1].payloadRaw)).toEqual({ ...status, dataId: 'two' })
    expect(consumer.stats()).toMatchObject({ received: 2, acked: 2, failed: 0, connected: true })
  })

  it('does not ack when the handler rejects (negative ack), then acks the redelivery', async () => {
    let attempts = 0
    const { broker, consumer } = await setup({
      onMessage: async () => {
        attempts++
        if (attempts === 1) throw new Error('database is locked')
      },
    })
    const frame = buildFrame('CAAQAg==', { devId: 'dev1' }, 'ecb')
    broker.send(frame)
    await waitFor(() => broker.received.length === 1)
    expect(broker.received[0]).toEqual({ type: 'negativeAcknowledge', messageId: 'CAAQAg==' })
    broker.send(frame) // Pulsar redelivers
    await waitFor(() => broker.received.length === 2)
    expect(broker.received[1]).toEqual({ messageId: 'CAAQAg==' })
    expect(consumer.stats()).toMatchObject({ received: 2, acked: 1, failed: 1 })
  })

  it('without negativeAck, a failed message gets no frame at all', async () => {
    const { broker, consumer } = await setup({ negativeAck: false, onMessage: () => Promise.reject(new Error('nope')) })
    broker.send(buildFrame('CAAQAw==', { devId: 'dev1' }, 'gcm'))
    await waitFor(() => consumer.stats().failed === 1)
    await new Promise((r) => setTimeout(r, 30))
    expect(broker.received).toEqual([])
  })

  it('hands undecodable frames to onUndecodable and acks only after it resolves', async () => {
    const stored: UndecodableFrame[] = []
    let failStore = true
    const { broker, consumer } = await setup({
      onUndecodable: async (f) => {
        if (failStore) throw new Error('disk full')
        stored.push(f)
      },
    })
    const bad = {
      messageId: 'CAAQBA==',
      payload: Buffer.from('{"protocol":4,"data":"AAAA"}').toString('base64'),
      properties: { em: 'aes_gcm' },
    }
    broker.send(bad)
    await waitFor(() => broker.received.length === 1)
    expect(broker.received[0]).toEqual({ type: 'negativeAcknowledge', messageId: 'CAAQBA==' })
    failStore = false
    broker.send(bad)
    await waitFor(() => broker.received.length === 2)
    expect(broker.received[1]).toEqual({ messageId: 'CAAQBA==' })
    expect(stored[0]).toMatchObject({ messageId: 'CAAQBA==', raw: JSON.stringify(bad) })
    expect(stored[0].reason).toMatch(/decrypt failed/)
    expect(consumer.stats()).toMatchObject({ undecodable: 2, acked: 1 })
  })

  it('reconnects after the server drops the connection and keeps consuming', async () => {
    const { broker, consumer, messages } = await setup()
    const seen: string[] = []
    consumer.on('disconnected', () => seen.push('disconnected'))
    consumer.on('connected', () => seen.push('connected'))
    broker.latest().terminate()
    await waitFor(() => seen.join() === 'disconnected,connected')
    expect(consumer.stats()).toMatchObject({ reconnects: 1, connected: true })
    broker.send(buildFrame('CAAQBQ==', { devId: 'dev2' }, 'ecb'))
    await waitFor(() => broker.received.length === 1)
    expect(messages.map((m) => m.messageId)).toEqual(['CAAQBQ=='])
    expect(broker.handshakes).toHaveLength(2)
  })

  it('pings after idle and terminates + reconnects when no pong comes back', async () => {
    const { consumer, broker } = await setup({ pingAfterIdleMs: 30, pongTimeoutMs: 30 }, { autoPong: false })
    await waitFor(() => consumer.stats().reconnects >= 1 && broker.handshakes.length >= 2)
    expect(broker.handshakes[1].url).toBe(broker.handshakes[0].url)
  })

  it('stays connected while pongs come back', async () => {
    const { consumer } = await setup({ pingAfterIdleMs: 20, pongTimeoutMs: 50 })
    await new Promise((r) => setTimeout(r, 150))
    expect(consumer.stats()).toMatchObject({ reconnects: 0, connected: true })
  })

  it('stop() closes the socket and does not reconnect', async () => {
    const { consumer, broker } = await setup()
    await consumer.stop()
    expect(consumer.stats().connected).toBe(false)
    await new Promise((r) => setTimeout(r, 80))
    expect(broker.handshakes).toHaveLength(1)
  })
})
