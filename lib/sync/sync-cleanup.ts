// What follows from devices confirming removals: a revoked PIN is kept sealed only while some device may still
// hold it (deleting a PIN from an access-control device needs the PIN itself), then wiped; an erasure finishes
// when every device of the resident is synced (nothing of them left anywhere): status `erased`, `erasedAt`, an
// audit row with counts only, and `resident.updated`. Both also run as sweeps, for residents with no row left
// to complete (an erasure with no device, a crash between a row's completion and this step).
import type { Db, Tx } from '@/lib/db/client'
import type { ChangeScope } from '@/lib/domain/run-change'
import { runChange } from '@/lib/domain/run-change'
import { heldPinIds, parseApplied } from '@/lib/sync/applied-state'
import { readResidentItem } from '@/lib/sync/resident-item'

/** Pushes are the system's doing: its audit rows name it so. */
export const SYSTEM_ACTOR = { userId: null, label: 'system:door-sync' }

/** Wipes the sealed value of revoked PINs no device holds any more. Waits while any row is mid-push. */
export async function forgetRemovedPins(tx: Tx, residentId: string, now: Date): Promise<number> {
  const revoked = await tx.credential.findMany({
    where: { residentId, kind: 'pin', revokedAt: { not: null }, secretSealed: { not: null } },
    select: { id: true },
  })
  if (revoked.length === 0) return 0
  const rows = await tx.deviceSync.findMany({
    where: { residentId },
    select: { applied: true, leaseOwner: true, leaseUntil: true },
  })
  // A push in flight may be adding a PIN it read before the revocation: decide once it has recorded what it did.
  if (rows.some((r) => r.leaseOwner && r.leaseUntil && r.leaseUntil > now)) return 0
  const held = new Set(rows.flatMap((r) => heldPinIds(parseApplied(r.applied))))
  const forget = revoked.map((c) => c.id).filter((id) => !held.has(id))
  if (forget.length === 0) return 0
  const wiped = await tx.credential.updateMany({ where: { id: { in: forget } }, data: { secretSealed: null } })
  return wiped.count
}

/** Finishes the erasure of a resident whose every device row is synced. True when it did. */
export async function finishErasureIn(
  scope: Pick<ChangeScope, 'tx' | 'audit' | 'publish'>,
  residentId: string,
  now: Date,
): Promise<boolean> {
  const { tx, audit, publish } = scope
  const resident = await tx.resident.findUnique({ where: { id: residentId }, select: { status: true } })
  if (resident?.status !== 'erasing') return false
  const open = await tx.deviceSync.count({ where: { residentId, state: { not: 'synced' } } })
  const devices = await tx.deviceSync.count({ where: { residentId } })
  if (open > 0) return false
  const finished = await tx.resident.updateMany({
    where: { id: residentId, status: 'erasing' },
    data: { status: 'erased', erasedAt: now, version: { increment: 1 } },
  })
  if (finished.count === 0) return false
  const wiped = await tx.credential.updateMany({
    where: { residentId, secretSealed: { not: null } },
    data: { secretSealed: null },
  })
  audit({
    actor: SYSTEM_ACTOR,
    action: 'resident.erased',
    targetType: 'resident',
    targetId: residentId,
    details: { devices, secretsWiped: wiped.count },
  })
  const item = await readResidentItem(tx, residentId)
  if (item) publish({ event: 'resident.updated', payload: item })
  return true
}

/** Erasures with nothing left to confirm, and revoked PINs no longer on any device. */
export async function sweepFinishedWork(db: Db, now: Date): Promise<{ erased: number; pinsForgotten: number }> {
  let erased = 0
  let pinsForgotten = 0
  const erasing = await db.resident.findMany({
    where: { status: 'erasing', syncs: { none: { state: { not: 'synced' } } } },
    select: { id: true },
    take: 100,
  })
  for (const r of erasing) {
    if (await runChange(db, (scope) => finishErasureIn(scope, r.id, now))) erased++
  }
  const withRevoked = await db.credential.findMany({
    where: { kind: 'pin', revokedAt: { not: null }, secretSealed: { not: null } },
    select: { residentId: true },
    distinct: ['residentId'],
    take: 100,
  })
  for (const r of withRevoked)
    pinsForgotten += await runChange(db, ({ tx }) => forgetRemovedPins(tx, r.residentId, now))
  return { erased, pinsForgotten }
}
