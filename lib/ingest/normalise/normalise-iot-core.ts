// IoT Core protocols (docs/tuya-protocol.md §3.8): 1000 device reports (`devicePropertyMessage` with `properties[]`
// speaking the same DP codes as protocol 4) and 1001 device management (`deviceOnline` …, same meaning as the
// legacy protocol-20 events; Tuya warns both arrive when both are configured, so the ingest dedupes by content).
import { resolveDeviceTime } from './device-time'
import { mapDataPoint } from './map-data-point'
import { mapDataPoints } from './map-data-points'
import { normaliseLifecycleEvent } from './normalise-device-event'
import { fallbackTime, type NormaliseContext } from './normalise-context'
import { readDataPointEntries } from './normalise-status-report'
import type { NormalisedItem, NormalisedMessage } from './normalised'
import { readBizData, readId, toMatchToken, type JsonRecord } from './payload-fields'

const IOT_CORE_BIZ_CODES = new Set(
  [
    'devicePropertyMessage',
    'deviceQueryPropertyMessage',
    'deviceEventMessage',
    'deviceActionResponseMessage',
    'deviceOnline',
    'deviceOffline',
    'deviceTransfer',
    'deviceFreeze',
    'deviceUnFreeze',
    'deviceBindSpace',
    'deviceUnbindSpace',
    'deviceNameUpdate',
    'deviceOtaProgress',
  ].map(toMatchToken),
)

export function isIotCoreBizCode(bizCode: string): boolean {
  return IOT_CORE_BIZ_CODES.has(toMatchToken(bizCode))
}

export function normaliseIotCore(body: JsonRecord, ctx: NormaliseContext): NormalisedMessage {
  const bizCode = typeof body.bizCode === 'string' ? body.bizCode : ''
  const bizData = readBizData(body)
  const base = {
    shape: 'iot_core' as const,
    sourceMessageId: readId(bizData.dataId) ?? null,
    deviceId: readId(bizData.devId) ?? readId(body.devId) ?? null,
  }
  const messageTime = resolveDeviceTime([bizData.time, body.ts, body.t], ctx.receivedAt, fallbackTime(ctx))

  switch (toMatchToken(bizCode)) {
    case 'devicepropertymessage':
      return { ...base, ...mapProperties(bizData, messageTime, ctx, 'events') }
    case 'devicequerypropertymessage':
      // A query answer is the device's current state, not something that just happened: an `unlock_face` in it
      // is the last opening, already reported (docs/tuya-devices.md §4.3). Keep every value as a property.
      return { ...base, ...mapProperties(bizData, messageTime, ctx, 'state') }
    case 'deviceeventmessage': {
      const eventCode = readId(bizData.eventCode)
      const raw = body.bizData ?? body
      const items: NormalisedItem[] = eventCode
        ? mapDataPoint({ code: eventCode, value: bizData.outputParams, occurredAt: messageTime, raw })
        : [
            {
              kind: 'unknown',
              occurredAt: messageTime,
              code: bizCode,
              value: raw,
              reason: 'event without eventCode',
              raw,
            },
          ]
      return { ...base, occurredAt: messageTime, items }
    }
  }

  // 1001 device management, and 1000/1002 bizCodes we do not map (kept as unknown items).
  return { shape: 'iot_core', ...normaliseLifecycleEvent(body, ctx) }
}

function mapProperties(
  bizData: JsonRecord,
  messageTime: Date,
  ctx: NormaliseContext,
  mode: 'events' | 'state',
): { occurredAt: Date; items: NormalisedItem[] } {
  const properties = Array.isArray(bizData.properties) ? bizData.properties : []
  const { occurredAt, points, malformed } = readDataPointEntries(
    properties,
    readTime,
    messageTime,
    ctx,
    'property without a code',
  )
  const items =
    mode === 'events'
      ? mapDataPoints(points)
      : points.map((p): NormalisedItem => ({
          kind: 'device',
          occurredAt: p.occurredAt,
          change: 'property',
          code: p.code,
          value: p.value,
          sourceCode: p.code,
          raw: p.raw,
        }))
  return { occurredAt, items: [...items, ...malformed] }
}

function readTime(property: unknown): unknown {
  if (typeof property !== 'object' || property === null) return undefined
  if ('time' in property) return property.time
  return 't' in property ? property.t : undefined
}
