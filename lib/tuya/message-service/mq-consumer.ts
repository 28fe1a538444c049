// Tuya message-service consumer over Pulsar's WebSocket API (docs/tuya-protocol.md §3.2–§3.4, §3.11).
// At-least-once: a frame is acked only after the handler (which stores it durably) resolves; a rejected handler
// means no ack (plus a negativeAcknowledge) so Pulsar redelivers. Frames are handled one at a time in arrival
// order, which keeps per-device order (message key = devId on one partition).
// Backpressure: while frames wait their turn (more than maxBacklog) or the handler's store is full (`capacity`),
// the socket is not read, so TCP's window closes and Pulsar stops pushing; unread frames stay unacked.
import { EventEmitter } from 'node:events'
import WebSocket from 'ws'
import { silentLogger, type TuyaLogger } from '@/lib/tuya/logger'
import { buildMqPassword } from '@/lib/tuya/message-service/message-crypto'
import { type DecodedMessage, type UndecodableFrame, decodeConsumerFrame } from '@/lib/tuya/message-service/mq-frames'

export type MessageConsumerOptions = {
  /** e.g. wss://mqe.tuyaeu.com:8285/ (see data-centres.ts); a trailing slash is added when missing. */
  wsBaseUrl: string
  accessId: string
  accessSecret: string
  env: 'event' | 'event-test'
  ackTimeoutMillis?: number
  onMessage: (message: DecodedMessage) => Promise<void>
  /** Stores the raw frame; the frame is acked once this resolves. Without it, undecodable frames are logged and acked. */
  onUndecodable?: (frame: UndecodableFrame) => Promise<void>
  /**
   * Frames handled at once (default 1: strictly one after another). Handlers still START in arrival order, so a
   * handler that queues work synchronously (the app's group-commit ingest) keeps the order while many are in flight.
   */
  maxInFlight?: number
  /**
   * The store the handler feeds: while isFull(), no frame is started and the socket is not read; reading resumes
   * when whenDrained() resolves. Checked right before each handler starts, so a frame is never refused for room.
   */
  capacity?: { isFull(): boolean; whenDrained(): Promise<void> }
  /** Frames received but not yet started before the socket stops being read (default 256). */
  maxBacklog?: number
  /** Send Pulsar's negativeAcknowledge when the handler rejects (default true) for a prompt redelivery. */
  negativeAck?: boolean
  /** Tuya's official clients skip TLS verification (§2.5); we verify unless told otherwise. */
  rejectUnauthorized?: boolean
  pingAfterIdleMs?: number
  pongTimeoutMs?: number
  reconnectBaseMs?: number
  reconnectMaxMs?: number
  logger?: TuyaLogger
  random?: () => number
}

export type MessageConsumerStats = {
  received: number
  acked: number
  failed: number
  undecodable: number
  reconnects: number
  /** Times reading stopped for backpressure. */
  pauses: number
  connected: boolean
}

export type MessageConsumer = {
  start(): void
  /** Finishes the frame in hand, closes the socket; resolves when closed. */
  stop(): Promise<void>
  stats(): MessageConsumerStats
  on(event: 'connected' | 'disconnected', listener: () => void): void
  off(event: 'connected' | 'disconnected', listener: () => void): void
}

export function buildConsumerUrl({
  wsBaseUrl,
  accessId,
  env,
  ackTimeoutMillis = 30_000,
}: Pick<MessageConsumerOptions, 'wsBaseUrl' | 'accessId' | 'env' | 'ackTimeoutMillis'>): string {
  const base = wsBaseUrl.endsWith('/') ? wsBaseUrl : `${wsBaseUrl}/`
  const id = encodeURIComponent(accessId)
  return `${base}ws/v2/consumer/persistent/${id}/out/${env}/${id}-sub?ackTimeoutMillis=${ackTimeoutMillis}&subscriptionType=Failover`
}

export function createMessageConsumer(options: MessageConsumerOptions): MessageConsumer {
  const logger = options.logger ?? silentLogger
  const random = options.random ?? Math.random
  const pingAfterIdleMs = options.pingAfterIdleMs ?? 30_000
  const pongTimeoutMs = options.pongTimeoutMs ?? 10_000
  const reconnectBaseMs = options.reconnectBaseMs ?? 500
  const reconnectMaxMs = options.reconnectMaxMs ?? 30_000
  const url = buildConsumerUrl(options)
  const password = buildMqPassword(options.accessId, options.accessSecret)
  const events = new EventEmitter()
  const counters = { received: 0, acked: 0, failed: 0, undecodable: 0, reconnects: 0, pauses: 0 }

  let socket: WebSocket | undefined
  let connected = false
  let stopped = true
  let attempt = 0
  let idleTimer: NodeJS.Timeout | undefined
  let pongTimer: NodeJS.Timeout | undefined
  let reconnectTimer: NodeJS.Timeout | undefined
  // Frames are admitted one after another on this chain (in arrival order), at most maxInFlight at a time.
  let queue: Promise<void> = Promise.resolve()
  const maxInFlight = Math.max(1, options.maxInFlight ?? 1)
  const active = new Set<Promise<void>>()
  const maxBacklog = Math.max(1, options.maxBacklog ?? 256)
  const capacity = options.capacity
  // Frames received but not yet started, and the socket whose reading is paused (if any).
  let backlog = 0
  let paused: WebSocket | undefined

  const clearKeepalive = () => {
    clearTimeout(idleTimer)
    clearTimeout(pongTimer)
    pongTimer = undefined
  }

  // Any traffic proves the link is alive; after pingAfterIdleMs of silence, ping and expect a pong.
  function markActivity(ws: WebSocket) {
    if (paused === ws) return
    clearTimeout(idleTimer)
    clearTimeout(pongTimer)
    pongTimer = undefined
    idleTimer = setTimeout(() => {
      if (ws.readyState !== WebSocket.OPEN) return
      ws.ping(options.accessId)
      pongTimer = setTimeout(() => {
        logger.warn('tuya mq: no pong, terminating connection')
        ws.terminate()
      }, pongTimeoutMs)
    }, pingAfterIdleMs)
  }

  // While paused nothing is read, pongs included: the keepalive would take the silence for a dead link.
  function pauseReading(ws: WebSocket) {
    if (paused === ws) return
    paused = ws
    counters.pauses++
    ws.pause()
    clearKeepalive()
  }

  function resumeReading() {
    const ws = paused
    if (!ws) return
    paused = undefined
    ws.resume()
    if (ws.readyState === WebSocket.OPEN) markActivity(ws)
  }

  /** Waits for a handler slot and for room in the store; returns with room, so the frame can start at once. */
  async function waitForTurn(ws: WebSocket) {
    while (active.size >= maxInFlight) await Promise.race(active)
    while (capacity?.isFull()) {
      pauseReading(ws)
      await capacity.whenDrained()
    }
  }

  function send(ws: WebSocket, frame: Record<string, string>): boolean {
    // An ack on a later connection means nothing to Pulsar: the message will simply be redelivered.
    if (ws.readyState !== WebSocket.OPEN) return false
    ws.send(JSON.stringify(frame))
    return true
  }

  async function handleFrame(ws: WebSocket, raw: string) {
    counters.received++
    const decoded = decodeConsumerFrame(raw, options.accessSecret)
    if (decoded.kind === 'message') {
      const { messageId } = decoded.message
      try {
        await options.onMessage(decoded.message)
      } catch (error) {
        counters.failed++
        logger.warn('tuya mq: handler failed; leaving message for redelivery', { messageId, error: String(error) })
        if (options.negativeAck ?? true) send(ws, { type: 'negativeAcknowledge', messageId })
        return
      }
      if (send(ws, { messageId })) counters.acked++
      return
    }
    counters.undecodable++
    const { frame } = decoded
    logger.error('tuya mq: undecodable frame', { messageId: frame.messageId, reason: frame.reason })
    try {
      await options.onUndecodable?.(frame)
    } catch (error) {
      counters.failed++
      logger.warn('tuya mq: storing undecodable frame failed; not acking', {
        messageId: frame.messageId,
        error: String(error),
      })
      if (frame.messageId && (options.negativeAck ?? true))
        send(ws, { type: 'negativeAcknowledge', messageId: frame.messageId })
      return
    }
    if (frame.messageId && send(ws, { messageId: frame.messageId })) counters.acked++
  }

  function scheduleReconnect() {
    if (stopped) return
    // Capped exponential backoff with jitter in [delay/2, delay].
    const cap = Math.min(reconnectMaxMs, reconnectBaseMs * 2 ** attempt)
    const delay = Math.round(cap / 2 + (random() * cap) / 2)
    attempt++
    logger.info('tuya mq: reconnecting', { delay, attempt })
    reconnectTimer = setTimeout(() => {
      counters.reconnects++
      connect()
    }, delay)
  }

  function connect() {
    const ws = new WebSocket(url, {
      headers: { username: options.accessId, password },
      rejectUnauthorized: options.rejectUnauthorized ?? true,
    })
    socket = ws
    ws.on('open', () => {
      connected = true
      attempt = 0
      markActivity(ws)
      logger.info('tuya mq: connected', { env: options.env })
      events.emit('connected')
    })
    ws.on('message', (data: WebSocket.RawData) => {
      markActivity(ws)
      // Once stopping, leave new frames unacked: Pulsar redelivers them to the next consumer.
      if (stopped) return
      const raw = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.from(data).toString('utf8')
      backlog++
      if (backlog > maxBacklog || capacity?.isFull()) pauseReading(ws)
      queue = queue.then(async () => {
        // Checked again after every wait, and the frame then starts synchronously: another caller may have
        // filled the store while this one waited.
        while (active.size >= maxInFlight || capacity?.isFull()) await waitForTurn(ws)
        backlog--
        if (backlog <= maxBacklog / 2) resumeReading()
        const handling: Promise<void> = handleFrame(ws, raw)
          .catch((error: unknown) => logger.error('tuya mq: frame handling crashed', { error: String(error) }))
          .finally(() => active.delete(handling))
        active.add(handling)
        if (maxInFlight === 1) await handling
      })
    })
    ws.on('pong', () => markActivity(ws))
    ws.on('ping', () => markActivity(ws))
    ws.on('unexpected-response', (_req, res) => {
      // e.g. HTTP 500 when the env (event vs event-test) does not match the console (§3.2), 401 on bad auth.
      logger.error('tuya mq: handshake refused', { status: res.statusCode })
      ws.terminate()
    })
    ws.on('error', (error) => logger.warn('tuya mq: socket error', { error: error.message }))
    ws.on('close', (code) => {
      if (paused === ws) paused = undefined
      if (socket !== ws) return
      clearKeepalive()
      const wasConnected = connected
      connected = false
      socket = undefined
      if (wasConnected) {
        logger.info('tuya mq: disconnected', { code })
        events.emit('disconnected')
      }
      scheduleReconnect()
    })
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      attempt = 0
      connect()
    },
    async stop() {
      stopped = true
      clearTimeout(reconnectTimer)
      await queue
      await Promise.all(active)
      const ws = socket
      if (!ws || ws.readyState === WebSocket.CLOSED) return
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve())
        if (ws.readyState === WebSocket.CONNECTING) return ws.terminate()
        ws.close(1000)
        // Don't wait on a peer that never completes the closing handshake.
        setTimeout(() => ws.terminate(), 2_000).unref()
      })
    },
    stats: () => ({ ...counters, connected }),
    on: (event, listener) => void events.on(event, listener),
    off: (event, listener) => void events.off(event, listener),
  }
}
