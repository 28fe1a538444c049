// The sync queue's state changes, each one runChange: claiming a row under a lease (a conditional UPDATE, so two
// workers or instances never push the same resident × device at once, and a dead worker's row is taken back when
// its lease runs out), recording progress, and finishing it as synced (only if no change arrived meanwhile) or
// failed (Tuya's code and message, attempts, backoff). Every state change is broadcast as `sync.updated` with the
// resident's fresh counts as `resident.updated`; failures are audited as system actions, successes are not.
import type { Db, Tx } from '@/lib/db/client'
import { runChange, type ChangeScope } from '@/lib/domain/run-change'
import { type Applied, serializeApplied } from '@/lib/sync/applied-state'
import { syncInclude, toSyncItem } from '@/lib/sync/data'
import { finishErasureIn, forgetRemovedPins, SYSTEM_ACTOR } from '@/lib/sync/sync-cleanup'
import { readResidentItem } from '@/lib/sync/resident-item'
import { type BackoffPolicy, backoffDelayMs, type SyncFailure, syncError } from '@/lib/sync/sync-failure'

export type ClaimedRow = {
  id: string
  residentId: string
  deviceId: string
  state: string
  generation: number
  applied: string | null
  attempts: number
  errorCode: string | null
}

const leaseFree = (now: Date) => ({ OR: [{ leaseOwner: null }, { leaseUntil: { lt: now } }] })

/** Rows with work now: pending and due, failed and due for a retry, synced with a window edge reached. */
export const dueWhere = (now: Date) => ({
  OR: [
    { state: 'pending', OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
    { state: { in: ['failed', 'synced'] }, nextAttemptAt: { lte: now } },
  ],
})

export async function findDueRows(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db.deviceSync.findMany({
    where: { AND: [dueWhere(now), leaseFree(now)] },
    orderBy: [{ nextAttemptAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
    take: limit,
    select: { id: true },
  })
  return rows.map((r) => r.id)
}

/** Takes the row for `owner` until now + leaseMs, or answers null when another worker holds it or it is not due. */
export async function claimRow(db: Db, id: string, owner: string, now: Date, leaseMs: number) {
  return runChange(db, async ({ tx }) => {
    const taken = await tx.deviceSync.updateMany({
      where: { id, AND: [dueWhere(now), leaseFree(now)] },
      data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
    })
    if (taken.count === 0) return null
    const row: ClaimedRow = await tx.deviceSync.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        residentId: true,
        deviceId: true,
        state: true,
        generation: true,
        applied: true,
        attempts: true,
        errorCode: true,
      },
    })
    return row
  })
}

/** Progress after one successful call; also extends the lease. Throws when this worker lost the row. */
export async function recordApplied(db: Db, id: string, owner: string, applied: Applied, leaseUntil: Date) {
  const kept = await runChange(db, ({ tx }) =>
    tx.deviceSync.updateMany({
      where: { id, leaseOwner: owner },
      data: { applied: serializeApplied(applied), leaseUntil },
    }),
  )
  if (kept.count === 0) throw syncError.leaseLost()
}

/** Lets go of a row without changing its state (stopping, or a change arrived while pushing). */
export async function releaseRow(db: Db | Tx, id: string, owner: string) {
  await db.deviceSync.updateMany({ where: { id, leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } })
}

async function announce(
  tx: Tx,
  publish: ChangeScope['publish'],
  rowId: string,
  residentId: string,
  withResident = true,
) {
  const row = await tx.deviceSync.findUniqueOrThrow({ where: { id: rowId }, include: syncInclude })
  publish({ event: 'sync.updated', payload: toSyncItem(row) })
  const resident = withResident ? await readResidentItem(tx, residentId) : null
  if (resident) publish({ event: 'resident.updated', payload: resident })
}

/**
 * Completions of one resident's rows take turns (a row lock on PostgreSQL; SQLite writes one at a time anyway),
 * so each sees the others' outcome: the counts it broadcasts are right, and the last device's completion is the
 * one that finishes an erasure or forgets a removed PIN.
 */
export async function lockResident(tx: Tx, residentId: string) {
  await tx.$executeRaw`UPDATE "Resident" SET "erasedAt" = "erasedAt" WHERE "id" = ${residentId}`
}

export type Outcome = 'synced' | 'failed' | 'superseded'

/** The device holds what the register asked for at `row.generation`: synced, unless a newer change arrived. */
export async function completeRow(
  db: Db,
  row: ClaimedRow,
  owner: string,
  applied: Applied,
  nextEdge: Date | null,
  now: Date,
): Promise<Outcome> {
  return runChange(db, async ({ tx, audit, publish }) => {
    await lockResident(tx, row.residentId)
    const done = await tx.deviceSync.updateMany({
      where: { id: row.id, leaseOwner: owner, generation: row.generation },
      data: {
        state: 'synced',
        syncedGeneration: row.generation,
        applied: serializeApplied(applied),
        attempts: 0,
        errorCode: null,
        errorMessage: null,
        nextAttemptAt: nextEdge,
        leaseOwner: null,
        leaseUntil: null,
      },
    })
    if (done.count === 0) {
      // A change arrived meanwhile: the row is pending again with a new generation, pushed next round.
      await tx.deviceSync.updateMany({
        where: { id: row.id, leaseOwner: owner },
        data: { applied: serializeApplied(applied), leaseOwner: null, leaseUntil: null },
      })
      return 'superseded'
    }
    await forgetRemovedPins(tx, row.residentId, now)
    // The last device of an erasure confirmed: the erasure finishes in this same change (and announces the resident).
    const erased = await finishErasureIn({ tx, audit, publish }, row.residentId, now)
    await announce(tx, publish, row.id, row.residentId, !erased)
    return 'synced'
  })
}

/** The push failed: failed with the code and message, retried after a backoff when waiting may help. */
export async function failRow(
  db: Db,
  row: ClaimedRow,
  owner: string,
  failure: SyncFailure,
  now: Date,
  backoff: BackoffPolicy,
): Promise<Outcome> {
  return runChange(db, async ({ tx, audit, publish }) => {
    await lockResident(tx, row.residentId)
    const attempts = row.attempts + 1
    const failed = await tx.deviceSync.updateMany({
      where: { id: row.id, leaseOwner: owner, generation: row.generation },
      data: {
        state: 'failed',
        errorCode: failure.code.slice(0, 100),
        errorMessage: failure.message.slice(0, 500),
        attempts,
        nextAttemptAt: failure.transient ? new Date(now.getTime() + backoffDelayMs(attempts, backoff)) : null,
        leaseOwner: null,
        leaseUntil: null,
      },
    })
    if (failed.count === 0) {
      // A change arrived meanwhile and may well fix it: leave the row pending for the next round.
      await releaseRow(tx, row.id, owner)
      return 'superseded'
    }
    // One audit row when a row starts failing or fails differently, not one per automatic retry.
    if (row.state !== 'failed' || row.errorCode !== failure.code) {
      audit({
        actor: SYSTEM_ACTOR,
        action: 'sync.failed',
        targetType: 'resident',
        targetId: row.residentId,
        details: { deviceId: row.deviceId, code: failure.code, message: failure.message.slice(0, 200), attempts },
      })
    }
    await announce(tx, publish, row.id, row.residentId)
    return 'failed'
  })
}
