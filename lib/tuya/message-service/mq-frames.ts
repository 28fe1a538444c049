// Parsing Pulsar WebSocket consumer frames carrying Tuya messages (docs/tuya-protocol.md §3.4–§3.6):
// frame JSON → base64 payload → envelope JSON → decrypt `data` with `em` → message JSON.
import { z } from 'zod'
import { decryptMessageData } from '@/lib/tuya/message-service/message-crypto'

const frameSchema = z.looseObject({
  messageId: z.string().min(1),
  payload: z.string(),
  // pulsar-ws-node crashes without it; be lenient and default to {} (§3.4).
  properties: z.record(z.string(), z.string()).optional().default({}),
  publishTime: z.string().optional(),
  key: z.string().optional(),
  redeliveryCount: z.number().optional(),
})

export const messageEnvelopeSchema = z.looseObject({
  protocol: z.number(),
  pv: z.string().optional(),
  t: z.number().optional(),
  sign: z.string().optional(),
  data: z.string().optional(),
  encryptVersion: z.string().optional(),
  // Legacy smart-business variant: ciphertext in encryptPayload, mode in encryptType (§3.5).
  encryptPayload: z.string().optional(),
  encryptType: z.string().optional(),
})
export type MessageEnvelope = z.infer<typeof messageEnvelopeSchema>

export type DecodedMessage = {
  messageId: string
  payload: unknown
  payloadRaw: string
  envelope: MessageEnvelope
  properties: Record<string, string>
  key?: string
  publishTime?: string
  redeliveryCount?: number
}

export type UndecodableFrame = {
  /** Absent when the frame itself was unreadable: such a frame cannot be acked. */
  messageId?: string
  raw: string
  reason: string
  properties?: Record<string, string>
}

export type DecodedFrame =
  { kind: 'message'; message: DecodedMessage } | { kind: 'undecodable'; frame: UndecodableFrame }

function messageIdOf(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(raw)
    if (value && typeof value === 'object' && 'messageId' in value && typeof value.messageId === 'string')
      return value.messageId
  } catch {
    // not JSON
  }
  return undefined
}

export function decodeConsumerFrame(raw: string, accessSecret: string): DecodedFrame {
  const undecodable = (reason: string, properties?: Record<string, string>): DecodedFrame => ({
    kind: 'undecodable',
    frame: { messageId: messageIdOf(raw), raw, reason, properties },
  })
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return undecodable('frame is not JSON')
  }
  const frame = frameSchema.safeParse(json)
  if (!frame.success) return undecodable(`bad frame: ${frame.error.issues[0]?.message ?? 'invalid'}`)
  const { messageId, payload, properties, key, publishTime, redeliveryCount } = frame.data

  let envelopeJson: unknown
  try {
    envelopeJson = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'))
  } catch {
    return undecodable('payload is not base64 JSON', properties)
  }
  const envelope = messageEnvelopeSchema.safeParse(envelopeJson)
  if (!envelope.success)
    return undecodable(`bad envelope: ${envelope.error.issues[0]?.message ?? 'invalid'}`, properties)
  const ciphertext = envelope.data.data ?? envelope.data.encryptPayload
  if (ciphertext === undefined) return undecodable('envelope has no data', properties)

  let payloadRaw: string
  let decoded: unknown
  try {
    payloadRaw = decryptMessageData(ciphertext, accessSecret, {
      em: properties.em ?? envelope.data.encryptType,
      t: envelope.data.t,
    })
    decoded = JSON.parse(payloadRaw)
  } catch (error) {
    return undecodable(`decrypt failed: ${error instanceof Error ? error.message : String(error)}`, properties)
  }
  return {
    kind: 'message',
    message: {
      messageId,
      payload: decoded,
      payloadRaw,
      envelope: envelope.data,
      properties,
      key,
      publishTime,
      redeliveryCount,
    },
  }
}
