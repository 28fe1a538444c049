// Pushes each emitted message's decrypted payload to an HTTP target, signed as the vendor describes
// (docs/tuya-protocol.md §4.4: headers client_id, t, sign = hex HMAC-SHA256(secret, client_id + t + body)).
// Retries non-2xx and network errors with bounded exponential backoff; the outcome is kept on the message.
import { signWebhook } from '@/lib/tuya/webhook/webhook-signature'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'

export type WebhookRetryPolicy = { attempts: number; baseDelayMs: number; maxDelayMs: number; timeoutMs: number }

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  attempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  timeoutMs: 10_000,
}

export type WebhookPusherOptions = {
  accessId: string
  accessSecret: string
  now: () => number
  retry: WebhookRetryPolicy
  /** Posts in flight at once; more wait in line so a burst cannot exhaust sockets. */
  concurrency: number
  onError?: (message: string) => void
}

export class WebhookPusher {
  private url: string | null = null
  private active = 0
  private readonly waiting: (() => void)[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(private readonly options: WebhookPusherOptions) {}

  get targetUrl(): string | null {
    return this.url
  }

  setUrl(url: string | null): void {
    this.url = url
  }

  /** Schedules delivery of one message to the current target (no-op without a target). */
  push(message: EmittedMessage): void {
    const url = this.url
    if (!url || this.closed) return
    message.webhook = { state: 'pending', attempts: 0 }
    void this.attempt(message, url)
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private async attempt(message: EmittedMessage, url: string): Promise<void> {
    const outcome = message.webhook
    if (!outcome || this.closed) return
    await this.acquire()
    try {
      outcome.attempts += 1
      const t = String(this.options.now())
      const body = message.payloadJson
      const sign = signWebhook({ secret: this.options.accessSecret, clientId: this.options.accessId, t, body })
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', client_id: this.options.accessId, t, sign },
        body,
        signal: AbortSignal.timeout(this.options.retry.timeoutMs),
      })
      outcome.lastStatus = response.status
      await response.arrayBuffer().catch(() => undefined)
      if (response.ok) {
        outcome.state = 'delivered'
        outcome.deliveredAt = this.options.now()
        outcome.lastError = undefined
        return
      }
      outcome.lastError = `HTTP ${response.status}`
    } catch (error) {
      outcome.lastError = error instanceof Error ? error.message : String(error)
    } finally {
      this.release()
    }
    this.scheduleRetry(message, url)
  }

  private scheduleRetry(message: EmittedMessage, url: string): void {
    const outcome = message.webhook
    if (!outcome) return
    const { attempts, baseDelayMs, maxDelayMs } = this.options.retry
    if (outcome.attempts >= attempts || this.closed) {
      outcome.state = 'failed'
      this.options.onError?.(
        `webhook ${message.messageId} failed after ${outcome.attempts} attempts: ${outcome.lastError}`,
      )
      return
    }
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (outcome.attempts - 1))
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void this.attempt(message, url)
    }, delay)
    this.timers.add(timer)
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active += 1
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.active -= 1
  }
}
