// DELETE /api/residents/{id}: the right to erasure. One change starts it: the personal data is blanked, every
// credential revoked, the enrolled photos and the face captures of the resident's access events deleted, their
// access events renamed, their doors withdrawn, and every device that holds something of them queued for removal.
// The resident stays as a tombstone (`erasing`) until the sync worker has heard every device confirm (`erased`).
// The audit trail keeps who asked and when, with counts, and loses the personal values it held.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db, Tx } from '@/lib/db/client'
import { reclaimErasedSpace } from '@/lib/db/reclaim-space'
import { runChange } from '@/lib/domain/run-change'
import { notFound } from '@/lib/errors'
import { redactDetails } from '@/lib/residents/audit-changes'
import { auditActorOf } from '@/lib/residents/mutations'
import { ERASED_NAME, loadResidentItem } from '@/lib/residents/resident-item'
import type { ResidentItem } from '@/lib/residents/schema'
import { markResidentsDirty } from '@/lib/sync/enqueue'
import { notifySyncPending } from '@/lib/sync/sync-signal'

/** Bounded `IN (…)` lists: far below both databases' parameter limits. */
const CHUNK = 500

async function deleteSnapshots(tx: Tx, ids: string[]): Promise<number> {
  let deleted = 0
  for (let i = 0; i < ids.length; i += CHUNK) {
    deleted += (await tx.snapshot.deleteMany({ where: { id: { in: ids.slice(i, i + CHUNK) } } })).count
  }
  return deleted
}

/** Audit rows about the resident keep who/what/when; the personal values they recorded become "[erased]". */
async function redactAuditTrail(tx: Tx, residentId: string, personalValues: string[]): Promise<number> {
  const rows = await tx.auditLog.findMany({
    where: { OR: [{ targetId: residentId }, { details: { contains: residentId } }] },
    select: { id: true, details: true },
  })
  let redacted = 0
  for (const row of rows) {
    if (!row.details) continue
    const details = redactDetails(row.details, personalValues)
    if (details === row.details) continue
    await tx.auditLog.update({ where: { id: row.id }, data: { details } })
    redacted++
  }
  return redacted
}

export type ErasureOutcome = { item: ResidentItem; started: boolean }

export async function eraseResident(
  db: Db,
  actor: Actor,
  residentId: string,
  context: AuditContext,
): Promise<ErasureOutcome> {
  const outcome = await runChange(db, async ({ tx, audit, publish, afterCommit }) => {
    const resident = await tx.resident.findUnique({ where: { id: residentId } })
    if (!resident) throw notFound('Resident')
    // Asked again: the erasure already runs (or ran); nothing more to do.
    if (resident.status === 'erasing' || resident.status === 'erased') {
      return { item: await loadResidentItem(tx, residentId), started: false }
    }
    const now = new Date()

    // Credentials: revoked, their unique keys freed at once. A PIN's sealed secret stays until the sync worker has
    // removed it from every device (it needs it to do so) and wipes it then.
    const credentials = await tx.credential.findMany({
      where: { residentId },
      select: { photoId: true, revokedAt: true },
    })
    await tx.credential.updateMany({ where: { residentId, revokedAt: null }, data: { revokedAt: now } })
    await tx.credential.updateMany({ where: { residentId }, data: { uniqueKey: null, label: null } })

    // Images of the person: enrolled photos, and the face captures of their access events.
    const ownEvents = { OR: [{ residentId }, { residentId: null, externalUserId: resident.externalId }] }
    const captured = await tx.accessEvent.findMany({
      where: { ...ownEvents, snapshotId: { not: null } },
      select: { snapshotId: true },
    })
    // Door calls a station recognised them on: those captures go too, and the calls stop naming them.
    const calls = await tx.call.findMany({
      where: { residentId, snapshotId: { not: null } },
      select: { snapshotId: true },
    })
    const snapshotIds = [
      ...new Set(
        [
          ...credentials.map((c) => c.photoId),
          ...captured.map((e) => e.snapshotId),
          ...calls.map((c) => c.snapshotId),
        ].flatMap((id) => id ?? []),
      ),
    ]
    const imagesDeleted = await deleteSnapshots(tx, snapshotIds)
    await tx.call.updateMany({ where: { residentId }, data: { residentId: null } })
    const eventsRenamed = await tx.accessEvent.updateMany({ where: ownEvents, data: { residentName: ERASED_NAME } })

    const deviceGrants = await tx.residentDeviceGrant.deleteMany({ where: { residentId } })
    const groupGrants = await tx.residentGroupGrant.deleteMany({ where: { residentId } })

    await tx.resident.update({
      where: { id: residentId },
      data: {
        name: ERASED_NAME,
        phone: null,
        email: null,
        notes: null,
        unitId: null,
        status: 'erasing',
        version: { increment: 1 },
      },
    })
    // No grants left: every device with a row is told to remove the person. No row at all: nothing to confirm.
    const devices = await markResidentsDirty(tx, [residentId], now)
    if (devices === 0)
      await tx.resident.update({ where: { id: residentId }, data: { status: 'erased', erasedAt: now } })
    else afterCommit(notifySyncPending)

    const personal = [resident.name, resident.phone, resident.email, resident.notes].flatMap((v) => v ?? [])
    const auditRowsRedacted = await redactAuditTrail(tx, residentId, personal)
    // Earlier broadcasts of this resident (their name, contacts, access events) leave the catch-up outbox.
    const outboxDeleted = await tx.liveEvent.deleteMany({ where: { payload: { contains: residentId } } })

    audit({
      actor: auditActorOf(actor),
      action: 'resident.erasure_requested',
      targetType: 'resident',
      targetId: residentId,
      details: {
        credentialsRevoked: credentials.filter((c) => !c.revokedAt).length,
        imagesDeleted,
        accessEventsRenamed: eventsRenamed.count,
        grantsRemoved: deviceGrants.count + groupGrants.count,
        devicesToClear: devices,
        auditRowsRedacted,
        liveEventsDeleted: outboxDeleted.count,
      },
      context,
    })
    const item = await loadResidentItem(tx, residentId)
    publish({ event: 'resident.updated', payload: item })
    return { item, started: true }
  })
  if (outcome.started) await reclaimErasedSpace(db)
  return outcome
}
