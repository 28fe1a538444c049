// One Failover subscription (`{accessId}-sub`) on one topic: Pulsar's at-least-once semantics in memory.
// A message leaves the queue only when acked; unacked messages go back to the front when their consumer goes away
// or their ack timeout passes; unconsumed messages are dropped after the retention period (2 h at Tuya,
// docs/tuya-protocol.md §3.11).
import { type EmittedMessage, serialiseFrame } from '@/simulator/mq/emitted-message'

export type QueueConsumer = {
  id: number
  /** 0 disables the ack timeout, as in Pulsar. */
  ackTimeoutMs: number
  /** Delay before a negatively acknowledged message comes back (Pulsar's negativeAckRedeliveryDelay). */
  nackDelayMs: number
  /** Most messages in flight (sent, unacked) at once: Pulsar's receiver queue doubles as flow control. */
  maxInFlight: number
  send(frame: string): void
  /** True while the socket can take more without buffering far ahead of the client. */
  isWritable(): boolean
}

type InFlight = { message: EmittedMessage; deadline: number }

export class SubscriptionQueue {
  /** Unacked messages, in publish order. */
  private readonly pending = new Map<string, EmittedMessage>()
  /** Ids ready to send, in order; entries may be stale (already acked) and are skipped. */
  private ready: string[] = []
  private readyHead = 0
  private readonly inFlight = new Map<string, InFlight>()
  /** Negatively acked messages waiting for their redelivery time (out of the time-ordered in-flight map). */
  private readonly nacked = new Map<string, number>()
  private readonly consumers: QueueConsumer[] = []

  constructor(
    private readonly now: () => number,
    private readonly retentionMs: number,
    private readonly onAcked: (message: EmittedMessage) => void,
  ) {}

  get activeConsumer(): QueueConsumer | undefined {
    return this.consumers[0]
  }

  get consumerCount(): number {
    return this.consumers.length
  }

  get backlog(): number {
    return this.pending.size
  }

  publish(message: EmittedMessage): void {
    this.pending.set(message.messageId, message)
    this.ready.push(message.messageId)
    this.pump()
  }

  /** Failover: the first consumer is active; later ones stand by until it leaves. */
  addConsumer(consumer: QueueConsumer): void {
    this.consumers.push(consumer)
    if (this.consumers.length === 1) this.pump()
  }

  removeConsumer(consumer: QueueConsumer): void {
    const index = this.consumers.indexOf(consumer)
    if (index < 0) return
    this.consumers.splice(index, 1)
    if (index === 0) {
      this.requeue([...this.inFlight.keys(), ...this.nacked.keys()])
      this.nacked.clear()
      this.pump()
    }
  }

  ack(consumer: QueueConsumer, messageId: string): void {
    const message = this.pending.get(messageId)
    if (!message) return
    // Pulsar accepts an ack for any message of the subscription, also from a consumer that just took over.
    this.pending.delete(messageId)
    this.inFlight.delete(messageId)
    this.nacked.delete(messageId)
    message.mq = 'acked'
    message.ackedAt = this.now()
    // The serialised frame is only needed for (re)delivery; drop it so long runs keep memory flat.
    message.framePrefix = ''
    this.onAcked(message)
    if (consumer === this.activeConsumer) this.pump()
  }

  negativeAck(consumer: QueueConsumer, messageId: string): void {
    if (!this.inFlight.has(messageId)) return
    this.inFlight.delete(messageId)
    this.nacked.set(messageId, this.now() + consumer.nackDelayMs)
    if (consumer.nackDelayMs === 0) this.sweep()
  }

  /** Sends what the active consumer can take now. Called on publish, ack, failover and by the sweeper. */
  pump(): void {
    const consumer = this.activeConsumer
    if (!consumer) return
    while (this.readyHead < this.ready.length && this.inFlight.size < consumer.maxInFlight && consumer.isWritable()) {
      const id = this.ready[this.readyHead++]
      const message = this.pending.get(id)
      if (!message || this.inFlight.has(id) || this.nacked.has(id)) continue
      message.deliveryCount += 1
      if (message.mq === 'pending') message.mq = 'delivered'
      const deadline = consumer.ackTimeoutMs > 0 ? this.now() + consumer.ackTimeoutMs : Number.POSITIVE_INFINITY
      this.inFlight.set(id, { message, deadline })
      consumer.send(serialiseFrame(message))
    }
    this.compactReady()
  }

  /** Redelivers timed-out messages and drops expired ones. Cheap: both maps are in time order. */
  sweep(): void {
    const now = this.now()
    const timedOut: string[] = []
    for (const [id, entry] of this.inFlight) {
      if (entry.deadline > now) break
      timedOut.push(id)
    }
    for (const [id, due] of this.nacked) {
      if (due > now) continue
      this.nacked.delete(id)
      timedOut.push(id)
    }
    if (timedOut.length > 0) this.requeue(timedOut)
    for (const [id, message] of this.pending) {
      if (now - message.createdAt < this.retentionMs) break
      this.pending.delete(id)
      this.inFlight.delete(id)
      this.nacked.delete(id)
      message.mq = 'expired'
      message.framePrefix = ''
    }
    this.pump()
  }

  /** Puts messages back at the front, oldest first, for the next delivery. */
  private requeue(ids: string[]): void {
    for (const id of ids) this.inFlight.delete(id)
    const live = ids
      .map((id) => this.pending.get(id))
      .filter((m): m is EmittedMessage => m !== undefined)
      .sort((a, b) => a.seq - b.seq)
      .map((m) => m.messageId)
    this.ready = [...live, ...this.ready.slice(this.readyHead)]
    this.readyHead = 0
  }

  private compactReady(): void {
    if (this.readyHead > 4096 && this.readyHead * 2 > this.ready.length) {
      this.ready = this.ready.slice(this.readyHead)
      this.readyHead = 0
    }
  }
}
