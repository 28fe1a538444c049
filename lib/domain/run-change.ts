// The one unit of work for every domain change: the state change, its audit rows and its outbox rows commit in
// ONE transaction, and the broadcast follows the commit. A failure anywhere inside rolls all of it back and
// broadcasts nothing, so no console hears of a change that did not happen, and none misses one that did.
//
//   const item = await runChange(db, async ({ tx, audit, publish }) => {
//     const row = await tx.call.update(…)          // the state change
//     audit({ actor, action: 'call.answered', … })  // written before commit
//     publish({ event: 'call.updated', payload })   // outbox row before commit, emitted after
//     return toCallItem(row)
//   })
//
// Ingest (lib/ingest/persist/*) is the batched form of the same unit of work: a group commit writes many
// messages' domain rows and their outbox rows in one transaction and emits after it, so it does not go through here.
import { recordAudit, type AuditEntry } from '@/lib/audit/record-audit'
import type { Db, Tx } from '@/lib/db/client'
import { appendLiveEvents, emitLiveEvents, type PendingLiveEvent } from '@/lib/realtime/publish'

export type ChangeScope = {
  /** The transaction: every read and write of the change goes through it. */
  tx: Tx
  /** Record an operator (or system) action in the audit trail, in the same transaction. */
  audit(entry: AuditEntry): void
  /** Broadcast an event to the consoles allowed to see it, once the transaction has committed. */
  publish(...events: PendingLiveEvent[]): void
  /** Run a side effect outside the database (e.g. drop a user's sockets) once the transaction has committed. */
  afterCommit(effect: () => void): void
}

export async function runChange<T>(db: Db, change: (scope: ChangeScope) => Promise<T>): Promise<T> {
  const effects: (() => void)[] = []
  const { result, stored } = await db.$transaction(async (tx) => {
    const audits: AuditEntry[] = []
    const events: PendingLiveEvent[] = []
    effects.length = 0 // a retried transaction starts over
    const result = await change({
      tx,
      audit: (entry) => void audits.push(entry),
      publish: (...pending) => void events.push(...pending),
      afterCommit: (effect) => void effects.push(effect),
    })
    for (const entry of audits) await recordAudit(tx, entry)
    return { result, stored: await appendLiveEvents(tx, events) }
  })
  emitLiveEvents(stored)
  for (const effect of effects) effect()
  return result
}
