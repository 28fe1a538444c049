// Stored resident → its wire item (and detail). The includes are the ones every reader uses: the register, the
// resident page, the writes that answer with the item and everything that publishes `resident.updated` (the sync
// worker when counts move, the credential writes), so the live stream and REST always show the same thing.
import type { Db, DbModel, Tx } from '@/lib/db/client'
import { RESIDENT_KINDS, RESIDENT_STATUSES, storedValue } from '@/lib/domain/enums'
import { notFound } from '@/lib/errors'
import type { ResidentDetail, ResidentItem } from '@/lib/residents/schema'

/** Shown instead of an erased resident's name, on the tombstone and on their access events. */
export const ERASED_NAME = 'Erased resident'

export const residentInclude = {
  unit: { select: { label: true, building: { select: { name: true } } } },
  credentials: { where: { revokedAt: null }, select: { kind: true } },
  syncs: { select: { state: true } },
} as const satisfies DbModel.ResidentInclude

export const residentDetailInclude = {
  ...residentInclude,
  deviceGrants: { select: { device: { select: { id: true, name: true } } } },
  groupGrants: { select: { group: { select: { id: true, name: true } } } },
} as const satisfies DbModel.ResidentInclude

export type ResidentRow = DbModel.ResidentGetPayload<{ include: typeof residentInclude }>
type ResidentDetailRow = DbModel.ResidentGetPayload<{ include: typeof residentDetailInclude }>

const countOf = <T>(rows: T[], match: (row: T) => boolean) => rows.filter(match).length

export function toResidentItem(row: ResidentRow): ResidentItem {
  return {
    id: row.id,
    name: row.name,
    unitId: row.unitId,
    unit: row.unit?.label ?? null,
    building: row.unit?.building.name ?? null,
    kind: storedValue(RESIDENT_KINDS, row.kind, 'Resident.kind'),
    status: storedValue(RESIDENT_STATUSES, row.status, 'Resident.status'),
    phone: row.phone,
    email: row.email,
    notes: row.notes,
    externalId: row.externalId,
    validFrom: row.validFrom?.toISOString() ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
    version: row.version,
    credentials: {
      face: countOf(row.credentials, (c) => c.kind === 'face'),
      card: countOf(row.credentials, (c) => c.kind === 'card'),
      pin: countOf(row.credentials, (c) => c.kind === 'pin'),
    },
    sync: {
      pending: countOf(row.syncs, (s) => s.state === 'pending'),
      synced: countOf(row.syncs, (s) => s.state === 'synced'),
      failed: countOf(row.syncs, (s) => s.state === 'failed'),
    },
    erasedAt: row.erasedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  }
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id)

export function toResidentDetail(row: ResidentDetailRow): ResidentDetail {
  return {
    ...toResidentItem(row),
    createdAt: row.createdAt.toISOString(),
    access: {
      devices: row.deviceGrants.map((g) => g.device).sort(byName),
      groups: row.groupGrants.map((g) => g.group).sort(byName),
    },
  }
}

/** The item as it is now (inside a change: as the change sees it). */
export async function loadResidentItem(db: Db | Tx, residentId: string): Promise<ResidentItem> {
  const row = await db.resident.findUnique({ where: { id: residentId }, include: residentInclude })
  if (!row) throw notFound('Resident')
  return toResidentItem(row)
}

export async function loadResidentDetail(db: Db | Tx, residentId: string): Promise<ResidentDetail> {
  const row = await db.resident.findUnique({ where: { id: residentId }, include: residentDetailInclude })
  if (!row) throw notFound('Resident')
  return toResidentDetail(row)
}

/** Items for many residents at once, in the order asked (e.g. to publish a group change to each). */
export async function loadResidentItems(db: Db | Tx, residentIds: string[]): Promise<ResidentItem[]> {
  if (residentIds.length === 0) return []
  const rows = await db.resident.findMany({ where: { id: { in: residentIds } }, include: residentInclude })
  const byId = new Map(rows.map((r) => [r.id, toResidentItem(r)]))
  return residentIds.flatMap((id) => byId.get(id) ?? [])
}
