// One message the simulator emitted, with its delivery history: what `GET /_sim/deliveries` reports and what the
// message service and the webhook pusher update.
export type MqEnv = 'event' | 'event-test'
export const MQ_ENVS: readonly MqEnv[] = ['event', 'event-test']

export type MqState = 'pending' | 'delivered' | 'acked' | 'expired'

export type WebhookOutcome = {
  state: 'pending' | 'delivered' | 'failed'
  attempts: number
  lastStatus?: number
  lastError?: string
  deliveredAt?: number
}

export type EmittedMessage = {
  messageId: string
  seq: number
  env: MqEnv
  protocol: number
  devId: string | null
  /** The message's own id for idempotency: dataId / recordId / callId+status / alarmId / bizCode+time. */
  sourceId: string | null
  /** The decrypted payload (second layer). */
  payload: unknown
  payloadJson: string
  tid: string
  createdAt: number
  /** WS frame without the closing `redeliveryCount` field, serialised once at emit time. */
  framePrefix: string
  mq: MqState
  deliveryCount: number
  ackedAt?: number
  webhook: WebhookOutcome | null
}

export function serialiseFrame(message: EmittedMessage): string {
  return `${message.framePrefix},"redeliveryCount":${Math.max(0, message.deliveryCount - 1)}}`
}
