// `POST /_sim/emit`: inject any payload as a message (for normaliser and ingest tests), guessing protocol, device
// and idempotency id from its shape the way Tuya's own messages carry them.
import { z } from 'zod'
import { type SimContext, emitMessage } from '@/simulator/devices/sim-context'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'

export const emitRequestSchema = z.object({
  payload: z.unknown(),
  protocol: z.number().int().optional(),
  devId: z.string().optional(),
  sourceId: z.string().optional(),
  env: z.enum(['event', 'event-test']).optional(),
})
export type EmitRequest = z.infer<typeof emitRequestSchema>

const IOT_CORE_DEVICE = new Set([
  'deviceOnline',
  'deviceOffline',
  'deviceTransfer',
  'deviceFreeze',
  'deviceUnFreeze',
  'deviceBindSpace',
  'deviceUnbindSpace',
  'deviceNameUpdate',
])
const IOT_CORE_REPORT = new Set([
  'devicePropertyMessage',
  'deviceQueryPropertyMessage',
  'deviceEventMessage',
  'deviceActionResponseMessage',
])

type Loose = Record<string, unknown>
const asObject = (v: unknown): Loose => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {})
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)

function guessProtocol(payload: Loose): number {
  const bizCode = str(payload.bizCode)
  if (bizCode && IOT_CORE_DEVICE.has(bizCode)) return 1001
  if (bizCode && IOT_CORE_REPORT.has(bizCode)) return 1000
  return bizCode ? 20 : 4
}

function guessSourceId(payload: Loose): string | undefined {
  const biz = asObject(payload.bizData)
  const callId = str(biz.callId)
  return (
    str(payload.dataId) ??
    str(biz.dataId) ??
    str(biz.recordId) ??
    (callId ? `${callId}:${str(biz.status) ?? ''}` : undefined) ??
    str(biz.alarmId)
  )
}

export function emitRaw(ctx: SimContext, request: EmitRequest): EmittedMessage {
  const payload = asObject(request.payload)
  const devId = request.devId ?? str(payload.devId) ?? str(asObject(payload.bizData).devId) ?? null
  return emitMessage(ctx, {
    protocol: request.protocol ?? guessProtocol(payload),
    payload: request.payload,
    devId,
    sourceId: request.sourceId ?? guessSourceId(payload) ?? null,
    env: request.env,
  })
}
