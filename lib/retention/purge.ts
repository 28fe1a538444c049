// The retention purge: for each class, the rows older than its window are deleted in small batches (500 rows per
// transaction, then a pause), oldest first, so a SQLite writer is never held long and ingest keeps its turn. One
// instance runs it at a time (lease.ts); each run is recorded in the audit trail with counts only, and in KeyValue
// (`retention.purge.last`) for the settings page.
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { claimLease, releaseLease } from '@/lib/retention/lease'
import { PURGE_CLASSES } from '@/lib/retention/purge-classes'
import { readJsonValue, writeJsonValue } from '@/lib/settings/key-value'
import { readRetentionDays } from '@/lib/settings/retention'
import { RETENTION_CLASSES, type RetentionClass, type RetentionDays } from '@/lib/settings/retention-schema'

export const LAST_PURGE_KEY = 'retention.purge.last'
const DAY_MS = 86_400_000
const LEASE_TTL_MS = 5 * 60_000

export type PurgeCounts = Record<RetentionClass, number>
export type PurgeOptions = {
  now?: Date
  batchSize?: number
  /** Pause between batches (lets other writers in). */
  pauseMs?: number
  /** Asked between batches: stop early (shutdown). */
  shouldStop?: () => boolean
  owner?: string
}
export type PurgeOutcome = { ran: false; reason: 'busy' } | { ran: true; removed: PurgeCounts; stopped: boolean }

export const cutoffOf = (days: number, now: Date) => new Date(now.getTime() - days * DAY_MS)

const zeroCounts = (): PurgeCounts => Object.fromEntries(RETENTION_CLASSES.map((c) => [c, 0])) as PurgeCounts

/** What a purge at `now` would remove, per class (the settings page shows it). */
export async function countPurgeable(db: Db, days: RetentionDays, now = new Date()): Promise<PurgeCounts> {
  const counts = zeroCounts()
  for (const c of RETENTION_CLASSES) counts[c] = await PURGE_CLASSES[c].count(db, cutoffOf(days[c], now), now)
  return counts
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function purgeExpired(db: Db, options: PurgeOptions = {}): Promise<PurgeOutcome> {
  const owner = options.owner ?? randomBytes(8).toString('hex')
  const batchSize = options.batchSize ?? 500
  const pauseMs = options.pauseMs ?? 25
  const now = options.now ?? new Date()
  // Lease times follow `now` (tests run the purge at a chosen instant) plus the time this run has taken.
  const started = Date.now()
  const leaseNow = () => new Date(now.getTime() + (Date.now() - started))
  if (!(await claimLease(db, owner, LEASE_TTL_MS, leaseNow()))) return { ran: false, reason: 'busy' }
  const removed = zeroCounts()
  let stopped = false
  try {
    const days = await readRetentionDays(db)
    let batches = 0
    for (const c of RETENTION_CLASSES) {
      const purgeClass = PURGE_CLASSES[c]
      const cutoff = cutoffOf(days[c], now)
      for (;;) {
        if (options.shouldStop?.()) {
          stopped = true
          break
        }
        const keys = await purgeClass.pick(db, cutoff, now, batchSize)
        if (keys.length === 0) break
        removed[c] += await runChange(db, ({ tx }) => purgeClass.remove(tx, keys, cutoff, now))
        if (++batches % 20 === 0 && !(await claimLease(db, owner, LEASE_TTL_MS, leaseNow()))) {
          stopped = true // the lease was lost (this instance stalled past it): another one carries on
          break
        }
        if (keys.length < batchSize) break
        if (pauseMs > 0) await pause(pauseMs)
      }
      if (stopped) break
    }
    await runChange(db, async ({ tx, audit }) => {
      await writeJsonValue(tx, LAST_PURGE_KEY, { at: new Date().toISOString(), removed })
      audit({
        actor: { userId: null, label: 'system' },
        action: 'retention.purged',
        targetType: 'retention',
        details: { removed, ...(stopped ? { stopped: true } : {}) },
      })
    })
    return { ran: true, removed, stopped }
  } finally {
    await releaseLease(db, owner)
  }
}

const lastPurgeSchema = z.object({
  at: z.iso.datetime(),
  removed: z.object(
    Object.fromEntries(RETENTION_CLASSES.map((c) => [c, z.number().int().nonnegative().catch(0)])) as Record<
      RetentionClass,
      z.ZodCatch<z.ZodNumber>
    >,
  ),
})

/** The last completed purge, as the settings page shows it (null if none, or unreadable). */
export async function readLastPurge(db: Db): Promise<{ at: string; removed: PurgeCounts } | null> {
  const parsed = lastPurgeSchema.safeParse(await readJsonValue(db, LAST_PURGE_KEY))
  return parsed.success ? parsed.data : null
}
