// Tuya's message service as Pulsar's WebSocket consumer API:
//   /ws/v2/consumer/persistent/{accessId}/out/{event|event-test}/{accessId}-sub?ackTimeoutMillis=…
// Auth by `username`/`password` upgrade headers (docs/tuya-protocol.md §3.3-§3.4); a refused upgrade gets a
// plain HTTP status like Pulsar's proxy (401 auth, 403 other tenant, 404 unknown path).
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { buildMqPassword } from '@/lib/tuya/message-service/message-crypto'
import { readHeader } from '@/lib/tuya/webhook/webhook-signature'
import type { MessageBus } from '@/simulator/mq/message-bus'
import type { MqEnv } from '@/simulator/mq/emitted-message'
import type { QueueConsumer } from '@/simulator/mq/subscription-queue'

const CONSUMER_PATH = /^\/ws\/v2\/consumer\/persistent\/([^/]+)\/out\/(event|event-test)\/([^/?]+)\/?$/
const DEFAULT_ACK_TIMEOUT_MS = 30_000
const DEFAULT_MAX_IN_FLIGHT = 1000
/** Pulsar's default negativeAckRedeliveryDelay is 1 min; Tuya redelivers "every few seconds" (§3.4), so 5 s. */
const DEFAULT_NACK_DELAY_MS = 5_000
/** Stop writing when this much is buffered for a slow client; the sweeper resumes. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024

export type MqServerOptions = { accessId: string; accessSecret: string; bus: MessageBus }

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${reason}\n`)
}

function readIntParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name)
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback
}

export class MqServer {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
  private readonly sockets = new Set<WebSocket>()
  private nextConsumerId = 1

  constructor(private readonly options: MqServerOptions) {}

  /** Handles an HTTP upgrade; returns false when the path is not the consumer endpoint (caller answers 404). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://sim.local')
    const m = CONSUMER_PATH.exec(url.pathname)
    if (!m) return false
    const [, tenant, env, subscription] = m
    const { accessId, accessSecret } = this.options
    const username = readHeader(req.headers, 'username')
    const password = readHeader(req.headers, 'password')
    if (username !== accessId || password !== buildMqPassword(accessId, accessSecret)) {
      refuseUpgrade(socket, 401, 'Unauthorized')
      return true
    }
    if (tenant !== accessId || subscription !== `${accessId}-sub`) {
      refuseUpgrade(socket, 403, 'Forbidden')
      return true
    }
    const queue = this.options.bus.queues[env as MqEnv]
    if (url.searchParams.get('subscriptionType') === 'Exclusive' && queue.consumerCount > 0) {
      refuseUpgrade(socket, 409, 'Conflict')
      return true
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, env as MqEnv, url.searchParams))
    return true
  }

  private attach(ws: WebSocket, env: MqEnv, params: URLSearchParams): void {
    const queue = this.options.bus.queues[env]
    this.sockets.add(ws)
    const consumer: QueueConsumer = {
      id: this.nextConsumerId++,
      ackTimeoutMs: readIntParam(params, 'ackTimeoutMillis', DEFAULT_ACK_TIMEOUT_MS),
      nackDelayMs: readIntParam(params, 'negativeAckRedeliveryDelay', DEFAULT_NACK_DELAY_MS),
      maxInFlight: Math.max(1, readIntParam(params, 'receiverQueueSize', DEFAULT_MAX_IN_FLIGHT)),
      send: (frame) => ws.send(frame),
      isWritable: () => ws.readyState === ws.OPEN && ws.bufferedAmount < MAX_BUFFERED_BYTES,
    }
    ws.on('message', (data) => {
      let parsed: unknown
      try {
        parsed = JSON.parse(data.toString())
      } catch {
        return
      }
      if (parsed === null || typeof parsed !== 'object') return
      const msg = parsed as { messageId?: unknown; type?: unknown }
      if (typeof msg.messageId !== 'string') return
      if (msg.type === 'negativeAcknowledge') queue.negativeAck(consumer, msg.messageId)
      else queue.ack(consumer, msg.messageId)
    })
    const detach = () => {
      this.sockets.delete(ws)
      queue.removeConsumer(consumer)
    }
    ws.on('close', detach)
    ws.on('error', detach)
    queue.addConsumer(consumer)
  }

  /** Fault injection: cut every consumer connection abruptly (no close handshake), as a network drop would. */
  dropConnections(): number {
    const count = this.sockets.size
    for (const ws of [...this.sockets]) ws.terminate()
    return count
  }

  get connectionCount(): number {
    return this.sockets.size
  }

  async close(): Promise<void> {
    this.dropConnections()
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
  }
}
