// THE way in for every event (webhook, message service, backfill): normalise → record the inbound message once →
// persist domain rows in the same transaction → broadcast after commit. A redelivered or re-posted message is
// found by its source id and neither stored nor broadcast again.
//
// Group commit: messages arriving together are persisted by one writer in one transaction (up to MAX_BATCH), so
// the commit (an fsync on SQLite) and the per-query cost are shared. Each caller still resolves only after the
// commit that holds its message. A batch that fails for any reason other than the database being unavailable is
// retried one message at a time, so one bad message cannot hold others back.
import type { Db } from '@/lib/db/client'
import { isDatabaseUnavailable, isUniqueViolation } from '@/lib/db/errors'
import {
  persistBatch,
  type BatchItemResult,
  type IngestOutcome,
  type IngestSource,
  type PreparedMessage,
} from '@/lib/ingest/persist/ingest-batch'
import type { IngestedRef } from '@/lib/ingest/persist/ingest-context'
import { normaliseMessage } from '@/lib/ingest/normalise/normalise-message'
import type { NormalisedMessage } from '@/lib/ingest/normalise/normalised'
import { sourceMessageIdOf } from '@/lib/ingest/normalise/source-id'
import { emitLiveEvents } from '@/lib/realtime/publish'
import { notifySnapshotsPending } from '@/lib/snapshots/snapshot-signal'

export type { IngestSource } from '@/lib/ingest/persist/ingest-batch'

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

export type IngestResult = {
  duplicate: boolean
  id: string
  outcome: IngestOutcome
  reason?: string
  events: IngestedRef[]
}

export const MAX_BATCH = 200

type Job = { message: PreparedMessage; resolve(result: IngestResult): void; reject(error: unknown): void }

class IngestWriter {
  private readonly pending: Job[] = []
  private running = false

  constructor(private readonly db: Db) {}

  submit(message: PreparedMessage): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ message, resolve, reject })
      if (!this.running) void this.drain()
    })
  }

  private async drain() {
    this.running = true
    try {
      // Yield to the event loop first: better-sqlite3 is synchronous, so a transaction can run start to finish in
      // microtasks; without this pause the requests that arrived meanwhile are never read before the next batch
      // starts, and every batch holds one message.
      await new Promise<void>((resolve) => setImmediate(resolve))
      while (this.pending.length) {
        await this.process(this.pending.splice(0, MAX_BATCH))
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
    } finally {
      this.running = false
    }
  }

  private async process(jobs: Job[]): Promise<void> {
    let results: BatchItemResult[]
    try {
      results = await persistBatch(
        this.db,
        jobs.map((j) => j.message),
      )
    } catch (error) {
      if (jobs.length > 1 && !isDatabaseUnavailable(error)) {
        for (const job of jobs) await this.process([job])
        return
      }
      // A concurrent writer (another instance) stored the same message first: retrying finds it.
      if (jobs.length === 1 && isUniqueViolation(error) && (jobs[0].message.attempt ?? 0) < 2) {
        jobs[0].message.attempt = (jobs[0].message.attempt ?? 0) + 1
        return this.process(jobs)
      }
      for (const job of jobs) job.reject(error)
      return
    }
    emitLiveEvents(results.flatMap((r) => (r.duplicate ? [] : r.live)))
    if (results.some((r) => !r.duplicate && r.snapshotIds.length)) notifySnapshotsPending()
    results.forEach((r, i) =>
      jobs[i].resolve(
        r.duplicate
          ? { duplicate: true, id: r.id, outcome: r.outcome, events: [] }
          : { duplicate: false, id: r.id, outcome: r.outcome, reason: r.reason, events: r.refs },
      ),
    )
  }
}

const writers = new WeakMap<Db, IngestWriter>()

function writerFor(db: Db): IngestWriter {
  let writer = writers.get(db)
  if (!writer) writers.set(db, (writer = new IngestWriter(db)))
  return writer
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
  return writerFor(db).submit({ source: input.source, raw: input.raw, receivedAt, normalised, sourceMessageId })
}
