// The group-commit writer behind ingestMessage, one per database client, with a bounded queue.
//
// Group commit: messages arriving together are persisted by one writer in one transaction (up to MAX_BATCH), so
// the commit (an fsync on SQLite) and the per-query cost are shared. Each caller still resolves only after the
// commit that holds its message. A batch that fails for any reason other than the database being unavailable is
// retried one message at a time, so one bad message cannot hold others back.
//
// Backpressure: the queue holds at most `maxMessages` messages (and `maxBytes` of raw text). A message offered
// to a full queue is refused at once with IngestBusyError (the webhook answers 503 + Retry-After, the sender
// retries), never taken and then dropped. Sources that can wait (the message-service consumer stops reading
// its socket, backfill) ask isFull()/whenDrained() before offering.
import { isDatabaseUnavailable, isUniqueViolation } from '@/lib/db/errors'
import type { Db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import {
  persistBatch,
  type BatchItemResult,
  type IngestOutcome,
  type PreparedMessage,
} from '@/lib/ingest/persist/ingest-batch'
import type { IngestedRef } from '@/lib/ingest/persist/ingest-context'
import { emitLiveEvents } from '@/lib/realtime/publish'
import { notifySnapshotsPending } from '@/lib/snapshots/snapshot-signal'

export const MAX_BATCH = 200

export type IngestQueueLimits = { maxMessages: number; maxBytes: number }

/** Room for ten full batches; 64 MiB caps memory even when every message is near the 256 KiB webhook limit. */
export const DEFAULT_INGEST_QUEUE_LIMITS: IngestQueueLimits = { maxMessages: 2_000, maxBytes: 64 * 1024 * 1024 }

export type IngestResult = {
  duplicate: boolean
  id: string
  outcome: IngestOutcome
  reason?: string
  events: IngestedRef[]
}

export class IngestBusyError extends AppError {
  constructor(readonly retryAfterSeconds = 1) {
    super('busy', 'Too many messages are waiting to be stored; retry shortly', 503)
    this.name = 'IngestBusyError'
  }
}

type Job = { message: PreparedMessage; resolve(result: IngestResult): void; reject(error: unknown): void }

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export class IngestWriter {
  private readonly pending: Job[] = []
  private pendingBytes = 0
  private running = false
  private drainedWaiters: (() => void)[] = []
  private idleWaiters: (() => void)[] = []

  constructor(
    private readonly db: Db,
    public limits: IngestQueueLimits = DEFAULT_INGEST_QUEUE_LIMITS,
  ) {}

  isFull(): boolean {
    return this.pending.length >= this.limits.maxMessages || this.pendingBytes >= this.limits.maxBytes
  }

  /** Resolves once the queue is down to half its limits, so a waiting source resumes with room to spare. */
  whenDrained(): Promise<void> {
    if (!this.isFull()) return Promise.resolve()
    return new Promise((resolve) => this.drainedWaiters.push(resolve))
  }

  /** Resolves once every message taken has been committed or refused (shutdown waits for this). */
  whenIdle(): Promise<void> {
    if (!this.running && this.pending.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  submit(message: PreparedMessage): Promise<IngestResult> {
    if (this.isFull()) return Promise.reject(new IngestBusyError())
    return new Promise((resolve, reject) => {
      this.pending.push({ message, resolve, reject })
      this.pendingBytes += message.raw.length
      if (!this.running) void this.drain()
    })
  }

  private take(): Job[] {
    const jobs = this.pending.splice(0, MAX_BATCH)
    for (const job of jobs) this.pendingBytes -= job.message.raw.length
    const half = this.pending.length <= this.limits.maxMessages / 2 && this.pendingBytes <= this.limits.maxBytes / 2
    if (half && this.drainedWaiters.length) for (const wake of this.drainedWaiters.splice(0)) wake()
    return jobs
  }

  private async drain() {
    this.running = true
    try {
      // Yield to the event loop first: better-sqlite3 is synchronous, so a transaction can run start to finish in
      // microtasks; without this pause the requests that arrived meanwhile are never read before the next batch
      // starts, and every batch holds one message.
      await yieldToEventLoop()
      while (this.pending.length) {
        await this.process(this.take())
        await yieldToEventLoop()
      }
    } finally {
      this.running = false
      for (const wake of this.idleWaiters.splice(0)) wake()
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

/** The writer of a database client (created on first use). */
export function ingestWriterFor(db: Db): IngestWriter {
  let writer = writers.get(db)
  if (!writer) writers.set(db, (writer = new IngestWriter(db)))
  return writer
}

/** Sets the queue bounds of a client's writer (server.ts from INGEST_QUEUE_LIMIT; tests to fill it quickly). */
export function configureIngestQueue(db: Db, limits: Partial<IngestQueueLimits>): void {
  const writer = ingestWriterFor(db)
  writer.limits = { ...writer.limits, ...limits }
}

/** Every message taken so far is committed or refused: shutdown calls it before closing the database. */
export function drainIngest(db: Db): Promise<void> {
  return ingestWriterFor(db).whenIdle()
}
