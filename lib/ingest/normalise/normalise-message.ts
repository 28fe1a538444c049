// The one normaliser every source calls: webhook, message service, simulator. Unwraps the message-service
// envelope when present (docs/tuya-protocol.md §3.5), then dispatches by the body's shape (§3.8):
//   status[]                     → protocol 4 status report
//   bizCode accessRecord|callStatus|accessAlarm → vendor records (docs/tuya-devices.md §2.11)
//   bizCode of IoT Core, or envelope protocol ≥ 1000 → IoT Core
//   any other bizCode            → protocol 20 event
// Never throws on bad input: what it cannot read comes back as shape 'unknown' with a reason, to be stored raw.
import { parseDeviceTime } from './device-time'
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth'
import { normaliseDeviceEvent } from './normalise-device-event'
import { isIotCoreBizCode, normaliseIotCore } from './normalise-iot-core'
import { unrecognisedMessage, type NormaliseContext } from './normalise-context'
import { normaliseStatusReport } from './normalise-status-report'
import { isVendorBizCode, normaliseVendorRecord } from './normalise-vendor-record'
import type { NormalisedMessage } from './normalised'
import { camelizeKeys, isRecord, looseNumberSchema, readId, readOptional, type JsonRecord } from './payload-fields'

export function normaliseMessage(payload: unknown, opts: { receivedAt: Date }): NormalisedMessage {
  const bare: NormaliseContext = { receivedAt: opts.receivedAt, envelopeTime: null, protocol: null }
  const unwrapped = unwrapEnvelope(payload, opts.receivedAt)
  if (unwrapped.kind === 'unreadable') return unrecognisedMessage(unwrapped.reason, unwrapped.ctx ?? bare)
  const { body, ctx } = unwrapped

  if (Array.isArray(body.status)) return normaliseStatusReport(body, ctx)

  const bizCode = typeof body.bizCode === 'string' && body.bizCode.trim() !== '' ? body.bizCode : undefined
  if (bizCode === undefined) {
    const reason = ctx.protocol === 4 ? 'protocol 4 message without a status[] array' : 'neither status[] nor bizCode'
    return unrecognisedMessage(reason, ctx, { deviceId: readId(body.devId) ?? null })
  }
  if (isVendorBizCode(bizCode)) return normaliseVendorRecord(body, ctx)
  if (isIotCoreBizCode(bizCode) || (ctx.protocol !== null && ctx.protocol >= 1000)) return normaliseIotCore(body, ctx)
  return normaliseDeviceEvent(body, ctx)
}

type Unwrapped =
  | { kind: 'body'; body: JsonRecord; ctx: NormaliseContext }
  | { kind: 'unreadable'; reason: string; ctx?: NormaliseContext }

/**
 * Accepts the decrypted payload itself, or the outer envelope `{protocol, pv, t, data}` whose `data` has already
 * been decrypted (an object, or its JSON text). Still-encrypted forms are reported, not guessed at.
 */
function unwrapEnvelope(payload: unknown, receivedAt: Date): Unwrapped {
  const parsed = typeof payload === 'string' ? parseJson(payload) : payload
  if (exceedsJsonDepth(parsed)) {
    return { kind: 'unreadable', reason: `payload nests deeper than ${MAX_JSON_DEPTH} levels` }
  }
  if (!isRecord(parsed)) {
    return { kind: 'unreadable', reason: `payload is ${describeType(parsed)}, not a JSON object` }
  }
  const outer = camelizeKeys(parsed)
  const bare: NormaliseContext = { receivedAt, envelopeTime: null, protocol: null }

  if (!isEnvelope(outer)) {
    if ('encryptPayload' in outer) {
      return {
        kind: 'unreadable',
        reason: 'encrypted smart-business envelope (encryptPayload): decrypt first',
        ctx: bare,
      }
    }
    return { kind: 'body', body: outer, ctx: bare }
  }

  const ctx: NormaliseContext = {
    receivedAt,
    envelopeTime: parseDeviceTime(outer.t, receivedAt),
    protocol: readOptional(looseNumberSchema, outer.protocol) ?? null,
  }
  const inner = typeof outer.data === 'string' ? parseJson(outer.data) : outer.data
  if (isRecord(inner)) return { kind: 'body', body: camelizeKeys(inner), ctx }
  if (typeof outer.data === 'string') {
    return {
      kind: 'unreadable',
      reason: 'message-service envelope with encrypted data: decrypt first (docs/tuya-protocol.md §3.6)',
      ctx,
    }
  }
  return { kind: 'unreadable', reason: `message-service envelope whose data is ${describeType(outer.data)}`, ctx }
}

/** The message-service wrapper: a protocol number beside `data`, and no bizCode/status of its own. */
function isEnvelope(record: JsonRecord): boolean {
  return 'protocol' in record && 'data' in record && !('bizCode' in record) && !('status' in record)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function describeType(value: unknown): string {
  if (value === undefined) return 'missing or not JSON'
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`
}
