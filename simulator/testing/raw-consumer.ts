// Test helper: a bare Pulsar-WebSocket consumer (no decoding, no auto-ack) to drive the message service by hand.
import WebSocket from 'ws'
import { buildMqPassword } from '@/lib/tuya/message-service/message-crypto'

export type RawFrame = {
  messageId: string
  payload: string
  properties: Record<string, string>
  publishTime: string
  key: string
  redeliveryCount: number
}

export type RawConsumer = {
  frames: RawFrame[]
  ack(messageId: string): void
  nack(messageId: string): void
  /** Abrupt drop (no close handshake), like a killed process. */
  kill(): void
  close(): Promise<void>
}

export type RawConsumerOptions = {
  mqUrl: string
  accessId: string
  accessSecret: string
  env?: 'event' | 'event-test'
  query?: string
  password?: string
}

export function consumerUrl({ mqUrl, accessId, env = 'event', query = '' }: RawConsumerOptions): string {
  return `${mqUrl}ws/v2/consumer/persistent/${accessId}/out/${env}/${accessId}-sub?subscriptionType=Failover${query ? `&${query}` : ''}`
}

export function connectRawConsumer(options: RawConsumerOptions): Promise<RawConsumer> {
  const ws = new WebSocket(consumerUrl(options), {
    headers: {
      username: options.accessId,
      password: options.password ?? buildMqPassword(options.accessId, options.accessSecret),
    },
  })
  const frames: RawFrame[] = []
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as RawFrame))
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
    ws.once('open', () =>
      resolve({
        frames,
        ack: (messageId) => ws.send(JSON.stringify({ messageId })),
        nack: (messageId) => ws.send(JSON.stringify({ type: 'negativeAcknowledge', messageId })),
        kill: () => ws.terminate(),
        close: () =>
          new Promise<void>((done) => {
            if (ws.readyState === ws.CLOSED) return done()
            ws.once('close', () => done())
            ws.close()
          }),
      }),
    )
  })
}

/** Polls until `predicate` holds; fails after `timeoutMs` (a deadline, not a timing assertion). */
export async function waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
