// One resident as the register lists it (ResidentItem), read inside the change that moved its sync counts, so
// `resident.updated` carries the fresh counts. Same mapping as the register's list (lib/residents/data.ts).
import type { Tx } from '@/lib/db/client'
import type { ResidentItem } from '@/lib/residents/schema'

export async function readResidentItem(tx: Tx, residentId: string): Promise<ResidentItem | null> {
  const r = await tx.resident.findUnique({
    where: { id: residentId },
    include: {
      unit: { include: { building: { select: { name: true } } } },
      credentials: { where: { revokedAt: null }, select: { kind: true } },
      syncs: { select: { state: true } },
    },
  })
  if (!r) return null
  const count = <T extends { kind?: string; state?: string }>(rows: T[], test: (row: T) => boolean) =>
    rows.filter(test).length
  return {
    id: r.id,
    name: r.name,
    unit: r.unit?.label ?? null,
    building: r.unit?.building.name ?? null,
    status: r.status,
    validFrom: r.validFrom?.toISOString() ?? null,
    validUntil: r.validUntil?.toISOString() ?? null,
    credentials: {
      face: count(r.credentials, (c) => c.kind === 'face'),
      card: count(r.credentials, (c) => c.kind === 'card'),
      pin: count(r.credentials, (c) => c.kind === 'pin'),
    },
    sync: {
      pending: count(r.syncs, (s) => s.state === 'pending'),
      synced: count(r.syncs, (s) => s.state === 'synced'),
      failed: count(r.syncs, (s) => s.state === 'failed'),
    },
  }
}
