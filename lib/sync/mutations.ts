// Operator actions on the sync queue. A manual retry puts a resident's failed (or every not-yet-synced) rows back
// to pending now, with a fresh attempt count, audited as the operator's action and broadcast; the worker is woken
// after the commit.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { notFound } from '@/lib/errors'
import { residentSync, syncInclude, toSyncItem } from '@/lib/sync/data'
import { readResidentItem } from '@/lib/sync/resident-item'
import { type ResidentSync, retrySyncSchema } from '@/lib/sync/schema'
import { lockResident } from '@/lib/sync/sync-queue'
import { notifySyncPending } from '@/lib/sync/sync-signal'

export async function retryResidentSync(
  db: Db,
  actor: Actor,
  residentId: string,
  input: unknown,
  context: AuditContext,
  now = new Date(),
): Promise<ResidentSync> {
  const { deviceId } = retrySyncSchema.parse(input)
  await runChange(db, async ({ tx, audit, publish, afterCommit }) => {
    const resident = await tx.resident.findUnique({ where: { id: residentId }, select: { id: true } })
    if (!resident) throw notFound(`resident ${residentId}`)
    await lockResident(tx, residentId)
    if (deviceId) {
      const row = await tx.deviceSync.findUnique({ where: { residentId_deviceId: { residentId, deviceId } } })
      if (!row) throw notFound(`device ${deviceId} for this resident`)
    }
    const where = { residentId, state: { not: 'synced' }, ...(deviceId ? { deviceId } : {}) }
    const rows = await tx.deviceSync.findMany({ where, select: { id: true } })
    await tx.deviceSync.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { state: 'pending', attempts: 0, nextAttemptAt: now, errorCode: null, errorMessage: null },
    })
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'sync.retried',
      targetType: 'resident',
      targetId: residentId,
      details: { deviceId: deviceId ?? null, rows: rows.length },
      context,
    })
    if (rows.length > 0) {
      const updated = await tx.deviceSync.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        include: syncInclude,
      })
      publish(...updated.map((row) => ({ event: 'sync.updated' as const, payload: toSyncItem(row) })))
      const item = await readResidentItem(tx, residentId)
      if (item) publish({ event: 'resident.updated', payload: item })
      afterCommit(notifySyncPending)
    }
  })
  return residentSync(db, residentId)
}
