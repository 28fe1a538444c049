// Fuzz: the normaliser (and the idempotency key beside it) against any JSON, hostile messages of every shape the
// console reads, and pathological nesting. It must never throw, and must always give either a valid meaning or a
// kept-raw "unrecognised" message with its reason: nothing that arrives can crash ingest or vanish.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ACCESS_METHODS, ACCESS_RESULTS, ALARM_TYPES } from '@/lib/domain/enums'
import { anyJson, deeplyNested, envelopeLike, messageLike, payloadText } from '@/lib/ingest/fixtures/fuzz-payloads'
import { normaliseMessage } from '@/lib/ingest/normalise/normalise-message'
import type { NormalisedMessage } from '@/lib/ingest/normalise/normalised'
import { sourceMessageIdOf } from '@/lib/ingest/normalise/source-id'

// 9,100 cases.
const RUNS = 3_000
const DEEP_RUNS = 100

/** A real instant in the range the normaliser promises for device times: from 2001 to a day (of skew) ahead. */
const storableDate = z
  .date()
  .refine((d) => d.getTime() >= Date.UTC(2001, 0, 1) && d.getTime() <= Date.now() + 2 * 86_400_000, 'implausible')
const text = z.string().min(1)
const itemSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('access'),
    occurredAt: storableDate,
    method: z.enum(ACCESS_METHODS),
    result: z.enum(ACCESS_RESULTS),
    sourceCode: z.string(),
  }),
  z.looseObject({ kind: z.literal('call'), occurredAt: storableDate, signal: text, sourceCode: z.string() }),
  z.looseObject({ kind: z.literal('alarm'), occurredAt: storableDate, type: z.enum(ALARM_TYPES), detail: z.string() }),
  z.looseObject({ kind: z.literal('device'), occurredAt: storableDate, change: text, sourceCode: z.string() }),
  z.looseObject({ kind: z.literal('unknown'), occurredAt: storableDate, code: z.string(), reason: text }),
])
const understood = z.object({
  shape: z.enum(['status_report', 'device_event', 'iot_core', 'vendor_access', 'vendor_call', 'vendor_alarm']),
  sourceMessageId: text.nullable(),
  deviceId: text.nullable(),
  occurredAt: storableDate,
  items: z.array(itemSchema),
  unrecognisedReason: z.undefined().optional(),
})
const keptRaw = z.object({
  shape: z.literal('unknown'),
  sourceMessageId: text.nullable(),
  deviceId: text.nullable(),
  occurredAt: storableDate,
  items: z.array(itemSchema).length(0),
  unrecognisedReason: text,
})
const resultSchema = z.union([understood, keptRaw])

function expectValid(result: NormalisedMessage, payload: unknown, raw: string) {
  const parsed = resultSchema.safeParse(result)
  if (!parsed.success) throw new Error(`invalid result ${z.prettifyError(parsed.error)} for ${raw.slice(0, 300)}`)
  const id = sourceMessageIdOf(result.sourceMessageId, payload, raw)
  expect(id.length).toBeGreaterThan(0)
  expect(id.length).toBeLessThanOrEqual(190)
}

const receivedAt = new Date()

function checkText(raw: string) {
  let payload: unknown
  try {
    payload = JSON.parse(raw)
  } catch {
    return // the webhook stores unparsable text without normalising it
  }
  expectValid(normaliseMessage(payload, { receivedAt }), payload, raw)
}

describe('normaliseMessage never throws and always gives a valid or kept-raw result', () => {
  it(`${RUNS.toLocaleString('en')} hostile messages of every shape`, () => {
    fc.assert(
      fc.property(messageLike, (payload) => {
        expectValid(normaliseMessage(payload, { receivedAt }), payload, JSON.stringify(payload))
      }),
      { numRuns: RUNS },
    )
  })

  it(`${RUNS.toLocaleString('en')} message-service envelopes, decrypted or not`, () => {
    fc.assert(
      fc.property(envelopeLike, (payload) => {
        expectValid(normaliseMessage(payload, { receivedAt }), payload, JSON.stringify(payload))
      }),
      { numRuns: RUNS },
    )
  })

  it(`${RUNS.toLocaleString('en')} arbitrary JSON values, also given as JSON text`, () => {
    fc.assert(
      fc.property(anyJson, payloadText, (value, raw) => {
        expectValid(normaliseMessage(value, { receivedAt }), value, JSON.stringify(value))
        expectValid(normaliseMessage(raw, { receivedAt }), raw, raw)
        checkText(raw)
      }),
      { numRuns: RUNS },
    )
  })

  it(`${DEEP_RUNS} payloads nested 2,000–20,000 levels deep`, () => {
    fc.assert(fc.property(deeplyNested, checkText), { numRuns: DEEP_RUNS })
  }, 60_000)
})
