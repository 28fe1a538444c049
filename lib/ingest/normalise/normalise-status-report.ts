// Protocol 4 — device status report: `{dataId, devId, productKey, status:[{code, value, t, "<dpId>": "…"}]}`
// (docs/tuya-protocol.md §3.8). `t` is per entry; the report as a whole has no time of its own.
import { z } from 'zod'
import { parseDeviceTime } from './device-time'
import type { DataPoint } from './map-data-point'
import { mapDataPoints } from './map-data-points'
import { fallbackTime, type NormaliseContext } from './normalise-context'
import type { NormalisedItem, NormalisedMessage } from './normalised'
import { readId, type JsonRecord } from './payload-fields'

export const dataPointEntrySchema = z.looseObject({
  code: z.string().trim().min(1),
  value: z.unknown(),
})

/** `body` is the camel-cased message; `status` has already been checked to be an array. */
export function normaliseStatusReport(body: JsonRecord, ctx: NormaliseContext): NormalisedMessage {
  const entries = Array.isArray(body.status) ? body.status : []
  const { occurredAt, points, malformed } = readDataPointEntries(
    entries,
    readEntryTime,
    fallbackTime(ctx),
    ctx,
    'status entry without a code',
  )

  return {
    shape: 'status_report',
    sourceMessageId: readId(body.dataId) ?? null,
    deviceId: readId(body.devId) ?? null,
    occurredAt,
    items: [...mapDataPoints(points), ...malformed],
  }
}

function readEntryTime(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null && 't' in entry ? entry.t : undefined
}

/**
 * Data-point entries (`status[]`, IoT Core `properties[]`) → points with their own device time, plus the
 * entries without a code kept as unknown items. The message time is the earliest plausible entry time.
 */
export function readDataPointEntries(
  entries: unknown[],
  readTime: (entry: unknown) => unknown,
  fallback: Date,
  ctx: NormaliseContext,
  malformedReason: string,
): { occurredAt: Date; points: DataPoint[]; malformed: NormalisedItem[] } {
  const times = entries.map((entry) => parseDeviceTime(readTime(entry), ctx.receivedAt))
  const plausible = times.filter((t): t is Date => t !== null).map((t) => t.getTime())
  const occurredAt = plausible.length > 0 ? new Date(Math.min(...plausible)) : fallback
  const points: DataPoint[] = []
  const malformed: NormalisedItem[] = []
  entries.forEach((entry, i) => {
    const at = times[i] ?? occurredAt
    const parsed = dataPointEntrySchema.safeParse(entry)
    if (parsed.success) points.push({ code: parsed.data.code, value: parsed.data.value, occurredAt: at, raw: entry })
    else malformed.push(malformedEntry(entry, at, malformedReason))
  })
  return { occurredAt, points, malformed }
}

export function malformedEntry(entry: unknown, occurredAt: Date, reason: string): NormalisedItem {
  return { kind: 'unknown', occurredAt, code: '(no code)', value: entry, reason, raw: entry }
}
