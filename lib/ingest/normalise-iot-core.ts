// IoT Core protocols (tuya-protocol §3.8): 1000 device reports (`devicePropertyMessage` with `properties[]`
// speaking the same DP codes as protocol 4) and 1001 device management (`deviceOnline` …, same meaning as the
// legacy protocol-20 events; Tuya warns both arrive when both are configured, so the ingest dedupes by content).
import { parseDeviceTime, resolveDeviceTime } from './device-time'
import type { DataPoint } from './map-data-point'
import { mapDataPoint } from './map-data-point'
import { mapDataPoints } from './map-data-points'
import { normaliseLifecycleEvent } from './normalise-device-event'
import { fallbackTime, type NormaliseContext } from './normalise-context'
import { dataPointEntrySchema, malformedEntry } from './normalise-status-report'
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
      // is the last opening, already reported (access-domain §4.3 caveat). Keep every value as a property.
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
  const times = properties.map((p) => parseDeviceTime(readTime(p), ctx.receivedAt))
  const plausible = times.filter((t): t is Date => t !== null).map((t) => t.getTime())
  const occurredAt = plausible.length > 0 ? new Date(Math.min(...plausible)) : messageTime

  const points: DataPoint[] = []
  const malformed: NormalisedItem[] = []
  properties.forEach((property, i) => {
    const at = times[i] ?? occurredAt
    const parsed = dataPointEntrySchema.safeParse(property)
    if (parsed.success) points.push({ code: parsed.data.code, value: parsed.data.value, occurredAt: at, raw: property })
    else malformed.push(malformedEntry(property, at, 'property without a code'))
  })
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
