// The one way a change becomes work for the doors: every write that changes what a device should hold for a
// resident (their record, a credential, a grant, a group's members, an erasure) calls one of these inside its
// runChange transaction. Each affected resident × device row gets a new generation and goes back to pending,
// so the sync worker pushes it; a row the worker is pushing right now is pushed again after, never lost.
import type { Tx } from '@/lib/db/client'

/**
 * Devices a resident may open now: direct grants and every member of every granted group. The two reads run one
 * after the other: inside a transaction they share one connection, and pg deprecates queries queued concurrently
 * on a client.
 */
export async function grantedDeviceIds(tx: Tx, residentId: string): Promise<string[]> {
  const direct = await tx.residentDeviceGrant.findMany({ where: { residentId }, select: { deviceId: true } })
  const viaGroups = await tx.deviceGroupMember.findMany({
    where: { group: { grants: { some: { residentId } } } },
    select: { deviceId: true },
  })
  return [...new Set([...direct, ...viaGroups].map((g) => g.deviceId))]
}

/**
 * Marks every device that holds, or should hold, something of these residents as needing a push: the devices
 * granted now, and the devices with a sync row (which may hold what must now be removed). Returns the rows' count.
 */
export async function markResidentsDirty(tx: Tx, residentIds: string[], now = new Date()): Promise<number> {
  let touched = 0
  for (const residentId of new Set(residentIds)) {
    const granted = await grantedDeviceIds(tx, residentId)
    const existing = await tx.deviceSync.findMany({ where: { residentId }, select: { deviceId: true } })
    const known = new Set(existing.map((e) => e.deviceId))
    if (existing.length > 0) {
      const bumped = await tx.deviceSync.updateMany({
        where: { residentId },
        data: {
          generation: { increment: 1 },
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          errorCode: null,
          errorMessage: null,
        },
      })
      touched += bumped.count
    }
    const fresh = granted.filter((id) => !known.has(id))
    if (fresh.length > 0) {
      const created = await tx.deviceSync.createMany({
        data: fresh.map((deviceId) => ({ residentId, deviceId, state: 'pending', nextAttemptAt: now })),
      })
      touched += created.count
    }
  }
  return touched
}

/** A group's members or grants changed: every resident granted the group has work on the old and new doors. */
export async function markGroupDirty(tx: Tx, groupId: string, now = new Date()): Promise<number> {
  const grants = await tx.residentGroupGrant.findMany({ where: { groupId }, select: { residentId: true } })
  return markResidentsDirty(
    tx,
    grants.map((g) => g.residentId),
    now,
  )
}
