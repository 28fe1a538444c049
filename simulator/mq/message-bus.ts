// Where every emitted message goes: encrypted into a Tuya envelope, queued on its topic's subscription, recorded
// for `GET /_sim/deliveries`, and handed to the webhook pusher.
import { encryptMessageData, signMessageEnvelope } from '@/lib/tuya/message-service/message-crypto'
import { createTid } from '@/simulator/state/ids'
import { type EmittedMessage, MQ_ENVS, type MqEnv } from '@/simulator/mq/emitted-message'
import { encodePulsarMessageId, formatPublishTime, partitionForKey } from '@/simulator/mq/message-id'
import { SubscriptionQueue } from '@/simulator/mq/subscription-queue'

export type MessageBusOptions = {
  accessSecret: string
  mqEncryption: 'ecb' | 'gcm'
  now: () => number
  retentionMs: number
  /** Delivery records kept for `/_sim/deliveries`; the oldest are forgotten beyond this. */
  maxRecords: number
}

export type PublishInput = {
  protocol: number
  payload: unknown
  devId: string | null
  sourceId: string | null
  env: MqEnv
}

export class MessageBus {
  readonly queues: Record<MqEnv, SubscriptionQueue>
  private readonly records = new Map<string, EmittedMessage>()
  private seq = 0
  private readonly ledgerId = Math.floor(Math.random() * 900_000) + 100_000
  private readonly listeners: ((message: EmittedMessage) => void)[] = []
  private readonly ackListeners: ((message: EmittedMessage) => void)[] = []

  constructor(private readonly options: MessageBusOptions) {
    const onAcked = (m: EmittedMessage) => this.ackListeners.forEach((l) => l(m))
    this.queues = {
      event: new SubscriptionQueue(options.now, options.retentionMs, onAcked),
      'event-test': new SubscriptionQueue(options.now, options.retentionMs, onAcked),
    }
  }

  onPublished(listener: (message: EmittedMessage) => void): void {
    this.listeners.push(listener)
  }

  onAcked(listener: (message: EmittedMessage) => void): void {
    this.ackListeners.push(listener)
  }

  publish(input: PublishInput): EmittedMessage {
    const now = this.options.now()
    const seq = ++this.seq
    const payloadJson = JSON.stringify(input.payload)
    const gcm = this.options.mqEncryption === 'gcm'
    const data = encryptMessageData(payloadJson, this.options.accessSecret, { mode: this.options.mqEncryption, t: now })
    const envelope: Record<string, unknown> = { data, protocol: input.protocol, pv: '2.0', t: now }
    // Real GCM envelopes carry encryptVersion "v2"; older ECB ones don't (docs/tuya-protocol.md §3.5).
    if (gcm) envelope.encryptVersion = 'v2'
    envelope.sign = signMessageEnvelope(envelope, this.options.accessSecret)
    const tid = createTid()
    // The `event` topic is partitioned (11), `event-test` is not (§3.2).
    const partition = input.env === 'event' ? partitionForKey(input.devId) : undefined
    const messageId = encodePulsarMessageId(this.ledgerId + (partition ?? 0), seq, partition)
    const properties: Record<string, string> = { tid }
    if (gcm) properties.em = 'aes_gcm'
    const frame = {
      messageId,
      payload: Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64'),
      properties,
      publishTime: formatPublishTime(now),
      key: input.devId ?? '',
    }
    const serialised = JSON.stringify(frame)
    const message: EmittedMessage = {
      messageId,
      seq,
      env: input.env,
      protocol: input.protocol,
      devId: input.devId,
      sourceId: input.sourceId,
      payload: input.payload,
      payloadJson,
      tid,
      createdAt: now,
      framePrefix: serialised.slice(0, -1),
      mq: 'pending',
      deliveryCount: 0,
      webhook: null,
    }
    this.remember(message)
    this.listeners.forEach((l) => l(message))
    this.queues[input.env].publish(message)
    return message
  }

  sweep(): void {
    for (const env of MQ_ENVS) this.queues[env].sweep()
  }

  listRecords(): EmittedMessage[] {
    return [...this.records.values()]
  }

  getRecord(messageId: string): EmittedMessage | undefined {
    return this.records.get(messageId)
  }

  private remember(message: EmittedMessage): void {
    this.records.set(message.messageId, message)
    if (this.records.size > this.options.maxRecords) {
      const oldest = this.records.keys().next().value
      if (oldest !== undefined) this.records.delete(oldest)
    }
  }
}
