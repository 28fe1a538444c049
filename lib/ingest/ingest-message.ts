// THE way in for every event (webhook, message service, backfill): normalise → record the inbound message once →
// persist domain rows in the same transaction → broadcast after commit. A redelivered or re-posted message is
// found by its source id and neither stored nor broadcast again. The group-commit writer and its bounded queue
// are in ingest-writer.ts.
import type { Db } from '@/lib/db/client'
import type { IngestSource } from '@/lib/ingest/persist/ingest-batch'
import { ingestWriterFor, type IngestResult } from '@/lib/ingest/ingest-writer'
import { normaliseMessage } from '@/lib/ingest/normalise/normalise-message'
import type { NormalisedMessage } from '@/lib/ingest/normalise/normalised'
import { sourceMessageIdOf } from '@/lib/ingest/normalise/source-id'

export type { IngestSource } from '@/lib/ingest/persist/ingest-batch'
export type { IngestResult } from '@/lib/ingest/ingest-writer'

export type IngestInput = {
  source: IngestSource
  /** Parsed JSON; undefined when the body could not be parsed (it is still stored, as unrecognised). */
  payload: unknown
  /** The exact text received, stored as is. */
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
  let normalised: NormalisedMessage
  try {
    normalised = input.unparsable
      ? {
          shape: 'unknown',
          sourceMessageId: null,
          deviceId: null,
          occurredAt: receivedAt,
          items: [],
          unrecognisedReason: input.unparsable,
        }
      : (input.normalised ?? normaliseMessage(input.payload, { receivedAt }))
  } catch (error) {
    return Promise.reject(error)
  }
  const sourceMessageId = sourceMessageIdOf(normalised.sourceMessageId, input.payload, input.raw)
  return ingestWriterFor(db).submit({ source: input.source, raw: input.raw, receivedAt, normalised, sourceMessageId })
}
