// Resident register writes: create, edit (optimistic concurrency), suspend/reactivate, and which doors a resident
// may open. Each is one change (runChange): the row, its audit row (changed fields only), the `resident.updated`
// broadcast and, when the doors must change, the sync queue rows commit together; the worker is woken after.
import { randomBytes, randomInt } from 'node:crypto'
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { sqlOf, type Db, type Tx } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { conflict, invalidField, notFound, VersionConflictError } from '@/lib/errors'
import { auditedValues, changedFields } from '@/lib/residents/audit-changes'
import { loadResidentDetail, loadResidentItem, residentInclude, toResidentItem } from '@/lib/residents/resident-item'
import {
  createResidentSchema,
  residentGrantsSchema,
  updateResidentSchema,
  VALIDITY_ORDER_MESSAGE,
  validityInOrder,
  type CreateResident,
} from '@/lib/residents/schema'
import { markResidentsDirty } from '@/lib/sync/enqueue'
import { notifySyncPending } from '@/lib/sync/sync-signal'

export const auditActorOf = (actor: Actor) => ({ userId: actor.userId, label: actor.email })

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const ID_LENGTH = 16

/** A fresh Tuya person id: 16 lowercase letters and digits (~82 bits), safe in any URL or device field. */
export function newExternalId(): string {
  let id = ''
  for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)]
  return id
}

/** `count` person ids no resident holds yet (a clash is astronomically unlikely, and checked all the same). */
export async function freshExternalIds(tx: Tx, count: number): Promise<string[]> {
  const ids = new Set<string>()
  while (ids.size < count) {
    const batch = Array.from({ length: count - ids.size }, newExternalId).filter((id) => !ids.has(id))
    const taken = await tx.resident.findMany({ where: { externalId: { in: batch } }, select: { externalId: true } })
    const takenIds = new Set(taken.map((t) => t.externalId))
    for (const id of batch) if (!takenIds.has(id)) ids.add(id)
  }
  return [...ids]
}

export type NewResidentRow = {
  name: string
  unitId: string | null
  kind: string
  phone: string | null
  email: string | null
  notes: string | null
  validFrom: Date | null
  validUntil: Date | null
  externalId: string
}

const INSERT_COLUMNS = [
  'id',
  'name',
  'unitId',
  'kind',
  'phone',
  'email',
  'notes',
  'validFrom',
  'validUntil',
  'externalId',
  'status',
  'version',
  'createdAt',
  'updatedAt',
] as const
/** 200 rows × 14 values: far below either database's parameter limit. */
const ROWS_PER_INSERT = 200

/**
 * Many new residents in a few multi-row INSERTs: Prisma's createMany writes them one by one (seconds for a
 * 5,000-row import, with SQLite's only writer held all along, and door events waiting). Returns their ids.
 */
export async function insertResidents(tx: Tx, rows: NewResidentRow[], now = new Date()): Promise<string[]> {
  const ids = rows.map(() => `r${randomBytes(12).toString('hex')}`)
  const head = `INSERT INTO "Resident" (${INSERT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (`
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT)
    const pieces = [head]
    const values: unknown[] = []
    chunk.forEach((row, n) => {
      const record = { ...row, id: ids[start + n], status: 'active', version: 1, createdAt: now, updatedAt: now }
      INSERT_COLUMNS.forEach((column, c) => {
        values.push(record[column])
        if (c > 0) pieces.push(', ')
      })
      pieces.push(n === chunk.length - 1 ? ')' : '), (')
    })
    await tx.$executeRaw(sqlOf(pieces, values))
  }
  return ids
}

async function requireUnit(tx: Tx, unitId: string | null | undefined) {
  if (!unitId) return
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true } })
  if (!unit) throw invalidField('unitId: no such unit', { path: 'unitId', reason: 'unknown_reference' })
}

/** Statuses that no longer take edits: the erasure has begun. */
const isErasing = (status: string) => status === 'erasing' || status === 'erased'

export function residentData(data: Partial<CreateResident>) {
  return {
    ...(data.name !== undefined ? { name: data.name } : {}),
    ...(data.unitId !== undefined ? { unitId: data.unitId } : {}),
    ...(data.kind !== undefined ? { kind: data.kind } : {}),
    ...(data.phone !== undefined ? { phone: data.phone } : {}),
    ...(data.email !== undefined ? { email: data.email } : {}),
    ...(data.notes !== undefined ? { notes: data.notes } : {}),
    ...(data.validFrom !== undefined ? { validFrom: data.validFrom } : {}),
    ...(data.validUntil !== undefined ? { validUntil: data.validUntil } : {}),
  }
}

/** POST /api/residents: a new resident with a fresh person id and no doors yet. */
export async function createResident(db: Db, actor: Actor, input: unknown, context: AuditContext) {
  const data = createResidentSchema.parse(input)
  return runChange(db, async ({ tx, audit, publish }) => {
    await requireUnit(tx, data.unitId)
    const [externalId] = await freshExternalIds(tx, 1)
    const row = await tx.resident.create({
      data: { ...residentData(data), name: data.name, externalId },
      include: residentInclude,
    })
    const item = toResidentItem(row)
    audit({
      actor: auditActorOf(actor),
      action: 'resident.created',
      targetType: 'resident',
      targetId: item.id,
      details: { changes: changedFields(null, auditedValues(item)) },
      context,
    })
    publish({ event: 'resident.updated', payload: item })
    return item
  })
}

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null)

/** Changes a device must hear about: what it shows, whether and when the person may enter. */
const DOOR_FIELDS = ['name', 'status', 'validFrom', 'validUntil'] as const

/**
 * PATCH /api/residents/{id}: the edit applies only to the version it names. The check is the update itself
 * (`where: {id, version}`), so of two concurrent edits of one version exactly one wins; the other gets 409 with
 * the current item.
 */
export async function updateResident(db: Db, actor: Actor, residentId: string, input: unknown, context: AuditContext) {
  const { version, status, ...fields } = updateResidentSchema.parse(input)
  return runChange(db, async ({ tx, audit, publish, afterCommit }) => {
    const before = await tx.resident.findUnique({ where: { id: residentId }, include: residentInclude })
    if (!before) throw notFound('Resident')
    const stale = () =>
      tx.resident
        .findUniqueOrThrow({ where: { id: residentId }, include: residentInclude })
        .then(
          (row) =>
            new VersionConflictError(
              `${row.name} was changed by someone else (version ${row.version}, you edited version ${version}); reload and apply your edit again`,
              toResidentItem(row),
            ),
        )
    if (before.version !== version) throw await stale()
    if (isErasing(before.status))
      throw conflict('This resident is being erased and can no longer be edited', 'resident_erasing')
    const validFrom = fields.validFrom !== undefined ? fields.validFrom : before.validFrom
    const validUntil = fields.validUntil !== undefined ? fields.validUntil : before.validUntil
    if (!validityInOrder(validFrom, validUntil))
      throw invalidField(VALIDITY_ORDER_MESSAGE, { path: 'validUntil', reason: 'validity_order' })
    await requireUnit(tx, fields.unitId)

    const beforeItem = toResidentItem(before)
    const requested = { ...residentData(fields), ...(status ? { status } : {}) }
    const stored: Record<string, unknown> = before
    // Saving what is already stored is no change: no new version, so no one else's edit becomes stale for it.
    if (Object.entries(requested).every(([key, value]) => sameValue(stored[key], value))) return beforeItem
    const { count } = await tx.resident.updateMany({
      where: { id: residentId, version },
      data: { ...requested, version: { increment: 1 } },
    })
    if (count === 0) throw await stale()
    let item = await loadResidentItem(tx, residentId)
    const changes = changedFields(auditedValues(beforeItem), auditedValues(item))
    if (DOOR_FIELDS.some((field) => field in changes)) {
      await markResidentsDirty(tx, [residentId])
      afterCommit(notifySyncPending)
      item = await loadResidentItem(tx, residentId) // its sync counts moved
    }
    const statusChange = changes.status ? (item.status === 'suspended' ? 'suspended' : 'reactivated') : null
    audit({
      actor: auditActorOf(actor),
      action: statusChange ? `resident.${statusChange}` : 'resident.updated',
      targetType: 'resident',
      targetId: residentId,
      details: { version: item.version, changes },
      context,
    })
    publish({ event: 'resident.updated', payload: item })
    return item
  })
}

const namesOf = (rows: { name: string }[]) => rows.map((r) => r.name).sort()

/** PUT /api/residents/{id}/devices: replaces the direct door grants, the group grants, or both. */
export async function setResidentGrants(
  db: Db,
  actor: Actor,
  residentId: string,
  input: unknown,
  context: AuditContext,
) {
  const { deviceIds, groupIds } = residentGrantsSchema.parse(input)
  return runChange(db, async ({ tx, audit, publish, afterCommit }) => {
    const resident = await tx.resident.findUnique({ where: { id: residentId }, select: { status: true } })
    if (!resident) throw notFound('Resident')
    if (isErasing(resident.status))
      throw conflict('This resident is being erased; their doors can no longer change', 'resident_erasing')
    const details: Record<string, { added: string[]; removed: string[] }> = {}

    if (deviceIds) {
      const devices = await tx.device.findMany({ where: { id: { in: deviceIds } }, select: { id: true, name: true } })
      const unknown = deviceIds.filter((id) => !devices.some((d) => d.id === id))
      if (unknown.length)
        throw invalidField(`deviceIds: no such device: ${unknown.join(', ')}`, {
          path: 'deviceIds',
          reason: 'unknown_reference',
        })
      const held = await tx.residentDeviceGrant.findMany({
        where: { residentId },
        select: { deviceId: true, device: { select: { name: true } } },
      })
      await tx.residentDeviceGrant.deleteMany({ where: { residentId, deviceId: { notIn: deviceIds } } })
      const fresh = deviceIds.filter((id) => !held.some((h) => h.deviceId === id))
      if (fresh.length)
        await tx.residentDeviceGrant.createMany({ data: fresh.map((deviceId) => ({ residentId, deviceId })) })
      details.devices = {
        added: namesOf(devices.filter((d) => fresh.includes(d.id))),
        removed: namesOf(held.filter((h) => !deviceIds.includes(h.deviceId)).map((h) => h.device)),
      }
    }
    if (groupIds) {
      const groups = await tx.deviceGroup.findMany({
        where: { id: { in: groupIds } },
        select: { id: true, name: true },
      })
      const unknown = groupIds.filter((id) => !groups.some((g) => g.id === id))
      if (unknown.length)
        throw invalidField(`groupIds: no such device group: ${unknown.join(', ')}`, {
          path: 'groupIds',
          reason: 'unknown_reference',
        })
      const held = await tx.residentGroupGrant.findMany({
        where: { residentId },
        select: { groupId: true, group: { select: { name: true } } },
      })
      await tx.residentGroupGrant.deleteMany({ where: { residentId, groupId: { notIn: groupIds } } })
      const fresh = groupIds.filter((id) => !held.some((h) => h.groupId === id))
      if (fresh.length)
        await tx.residentGroupGrant.createMany({ data: fresh.map((groupId) => ({ residentId, groupId })) })
      details.groups = {
        added: namesOf(groups.filter((g) => fresh.includes(g.id))),
        removed: namesOf(held.filter((h) => !groupIds.includes(h.groupId)).map((h) => h.group)),
      }
    }

    const changed = Object.values(details).some((d) => d.added.length + d.removed.length > 0)
    if (changed) {
      await markResidentsDirty(tx, [residentId])
      afterCommit(notifySyncPending)
      audit({
        actor: auditActorOf(actor),
        action: 'resident.access_changed',
        targetType: 'resident',
        targetId: residentId,
        details,
        context,
      })
    }
    const detail = await loadResidentDetail(tx, residentId)
    if (changed) {
      const { createdAt: _createdAt, access: _access, ...item } = detail
      publish({ event: 'resident.updated', payload: item })
    }
    return detail
  })
}
