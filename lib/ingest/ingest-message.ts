// THE way in for every event (webhook, message service, backfill): normalise → record the inbound message once →
// persist domain rows in the same transaction → broadcast after commit. A redelivered or re-posted message is
// found by its source id and neither stored nor broadcast again. The group-commit writer and its bounded queue
// are in ingest-writer.ts.
import type { Db } from '@/lib/db/client'
import type { IngestSource } from '@/lib/ingest/persist/ingest-batch'
import { ingestWriterFor, type IngestResult } from '@/lib/ingest/ingest-writer'
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '@/lib/ingest/normalise/json-depth'
import { normaliseMessage } from '@/lib/ingest/normalise/normalise-message'
import { mayCarryNul, replaceNul, replaceNulInText } from '@/lib/ingest/normalise/replace-nul'
import type { NormalisedMessage } from '@/lib/ingest/normalise/normalised'
import { sourceMessageIdOf } from '@/lib/ingest/normalise/source-id'

export type { IngestSource } from '@/lib/ingest/persist/ingest-batch'
export type { IngestResult } from '@/lib/ingest/ingest-writer'

export type IngestInput = {
  source: IngestSource
  /** Parsed JSON; undefined when the body could not be parsed (it is still stored, as unrecognised). */
  payload: unknown
  /** The exact text received, stored as is (but for U+0000, which PostgreSQL cannot hold: replace-nul.ts). */
  raw: string
  receivedAt?: Date
  /** Precomputed meaning (backfill normalises OpenAPI log entries itself). */
  normalised?: NormalisedMessage
  /** Why the payload could not even be parsed. */
  unparsable?: string
}

/** Normalises synchronously and queues the message before the first await, so callers keep their order. */
export function ingestMessage(db: Db, input: IngestInput): Promise<IngestResult> {
  const receivedAt = input.receivedAt ?? new Date()
  // A payload too deep to walk safely is kept as its raw text only, like one that does not parse.
  const tooDeep = !input.unparsable && !input.normalised && exceedsJsonDepth(input.payload)
  const unparsable = input.unparsable ?? (tooDeep ? `payload nests deeper than ${MAX_JSON_DEPTH} levels` : undefined)
  const withNul = mayCarryNul(input.raw)
  const raw = withNul ? replaceNulInText(input.raw) : input.raw
  const payload = tooDeep ? undefined : withNul ? replaceNul(input.payload) : input.payload
  let normalised: NormalisedMessage
  let sourceMessageId: string
  try {
    normalised = unparsable
      ? {
          shape: 'unknown',
          sourceMessageId: null,
          deviceId: null,
          occurredAt: receivedAt,
          items: [],
          unrecognisedReason: unparsable,
        }
      : (input.normalised ?? normaliseMessage(payload, { receivedAt }))
    sourceMessageId = sourceMessageIdOf(normalised.sourceMessageId, payload, raw)
  } catch (error) {
    return Promise.reject(error)
  }
  return ingestWriterFor(db).submit({ source: input.source, raw, receivedAt, normalised, sourceMessageId })
}
