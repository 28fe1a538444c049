// Device group writes. A group's members are doors for every resident granted the group, so a change to its
// members (or its deletion) is work for each of them: their sync rows go back to pending in the same change, the
// worker is woken after the commit, and each of them is broadcast as `resident.updated` (their counts moved).
// Edits name the version they read (409 with the current group when stale), as resident edits do.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db, Tx } from '@/lib/db/client'
import { isUniqueViolation } from '@/lib/db/errors'
import { deviceGroupInclude, toDeviceGroupItem } from '@/lib/device-groups/device-group-item'
import {
  createDeviceGroupSchema,
  deleteDeviceGroupQuerySchema,
  updateDeviceGroupSchema,
} from '@/lib/device-groups/schema'
import { runChange, type ChangeScope } from '@/lib/domain/run-change'
import { conflict, invalidField, notFound, VersionConflictError } from '@/lib/errors'
import { loadResidentItems } from '@/lib/residents/resident-item'
import { markResidentsDirty } from '@/lib/sync/enqueue'
import { notifySyncPending } from '@/lib/sync/sync-signal'

const auditActor = (actor: Actor) => ({ userId: actor.userId, label: actor.email })
const nameTaken = (name: string) => conflict(`A device group named ${name} already exists`, 'group_name_taken')
const sortedNames = (rows: { name: string }[]) => rows.map((r) => r.name).sort()

async function requireDevices(tx: Tx, deviceIds: string[]) {
  const devices = await tx.device.findMany({ where: { id: { in: deviceIds } }, select: { id: true, name: true } })
  const unknown = deviceIds.filter((id) => !devices.some((d) => d.id === id))
  if (unknown.length)
    throw invalidField(`deviceIds: no such device: ${unknown.join(', ')}`, {
      path: 'deviceIds',
      reason: 'unknown_reference',
    })
  return devices
}

/** Every resident granted the group: their doors changed. */
async function requeueGrantees(scope: ChangeScope, residentIds: string[]) {
  if (residentIds.length === 0) return
  await markResidentsDirty(scope.tx, residentIds)
  scope.afterCommit(notifySyncPending)
  for (const item of await loadResidentItems(scope.tx, residentIds)) {
    scope.publish({ event: 'resident.updated', payload: item })
  }
}

const granteesOf = async (tx: Tx, groupId: string) =>
  (await tx.residentGroupGrant.findMany({ where: { groupId }, select: { residentId: true } })).map((g) => g.residentId)

function renamedConflict(name: string | undefined) {
  return (error: unknown): never => {
    if (name && isUniqueViolation(error)) throw nameTaken(name)
    throw error
  }
}

export async function createDeviceGroup(db: Db, actor: Actor, input: unknown, context: AuditContext) {
  const data = createDeviceGroupSchema.parse(input)
  return runChange(db, async ({ tx, audit }) => {
    if (await tx.deviceGroup.findUnique({ where: { name: data.name } })) throw nameTaken(data.name)
    const devices = await requireDevices(tx, data.deviceIds)
    const row = await tx.deviceGroup.create({
      data: {
        name: data.name,
        description: data.description ?? null,
        members: { create: data.deviceIds.map((deviceId) => ({ deviceId })) },
      },
      include: deviceGroupInclude,
    })
    audit({
      actor: auditActor(actor),
      action: 'device_group.created',
      targetType: 'device_group',
      targetId: row.id,
      details: { name: row.name, devices: sortedNames(devices) },
      context,
    })
    return toDeviceGroupItem(row)
  }).catch(renamedConflict(data.name))
}

async function staleGroup(tx: Tx, groupId: string, version: number) {
  const row = await tx.deviceGroup.findUnique({ where: { id: groupId }, include: deviceGroupInclude })
  if (!row) return notFound('Device group')
  return new VersionConflictError(
    `${row.name} was changed by someone else (version ${row.version}, you edited version ${version}); reload and apply your edit again`,
    toDeviceGroupItem(row),
  )
}

export async function updateDeviceGroup(db: Db, actor: Actor, groupId: string, input: unknown, context: AuditContext) {
  const { version, name, description, deviceIds } = updateDeviceGroupSchema.parse(input)
  return runChange(db, async (scope) => {
    const { tx, audit } = scope
    const before = await tx.deviceGroup.findUnique({ where: { id: groupId }, include: deviceGroupInclude })
    if (!before) throw notFound('Device group')
    if (before.version !== version) throw await staleGroup(tx, groupId, version)
    if (name && name !== before.name && (await tx.deviceGroup.findUnique({ where: { name } }))) throw nameTaken(name)
    const devices = deviceIds ? await requireDevices(tx, deviceIds) : []
    const { count } = await tx.deviceGroup.updateMany({
      where: { id: groupId, version },
      data: {
        ...(name !== undefined ? { name } : {}),
        ...(description !== undefined ? { description } : {}),
        version: { increment: 1 },
      },
    })
    if (count === 0) throw await staleGroup(tx, groupId, version)

    const details: Record<string, unknown> = {}
    if (name !== undefined && name !== before.name) details.name = { from: before.name, to: name }
    if (description !== undefined && description !== before.description) {
      details.description = { from: before.description, to: description }
    }
    if (deviceIds) {
      const held = before.members.map((m) => m.device)
      const added = devices.filter((d) => !held.some((h) => h.id === d.id))
      const removed = held.filter((h) => !deviceIds.includes(h.id))
      if (added.length + removed.length > 0) {
        await tx.deviceGroupMember.deleteMany({ where: { groupId, deviceId: { notIn: deviceIds } } })
        if (added.length)
          await tx.deviceGroupMember.createMany({ data: added.map((d) => ({ groupId, deviceId: d.id })) })
        details.devices = { added: sortedNames(added), removed: sortedNames(removed) }
        await requeueGrantees(scope, await granteesOf(tx, groupId))
      }
    }
    audit({
      actor: auditActor(actor),
      action: 'device_group.updated',
      targetType: 'device_group',
      targetId: groupId,
      details: { version: version + 1, ...details },
      context,
    })
    return toDeviceGroupItem(
      await tx.deviceGroup.findUniqueOrThrow({ where: { id: groupId }, include: deviceGroupInclude }),
    )
  }).catch(renamedConflict(name))
}

/** DELETE /api/device-groups/{id}[?version=n]: its residents lose its doors (their devices are told). */
export async function deleteDeviceGroup(db: Db, actor: Actor, groupId: string, query: unknown, context: AuditContext) {
  const { version } = deleteDeviceGroupQuerySchema.parse(query)
  return runChange(db, async (scope) => {
    const { tx, audit } = scope
    const group = await tx.deviceGroup.findUnique({ where: { id: groupId }, include: deviceGroupInclude })
    if (!group) throw notFound('Device group')
    if (version !== undefined && group.version !== version) throw await staleGroup(tx, groupId, version)
    const grantees = await granteesOf(tx, groupId)
    // Conditional on the version read above, so an edit committed meanwhile is never deleted unseen.
    const { count } = await tx.deviceGroup.deleteMany({ where: { id: groupId, version: group.version } })
    if (count === 0) throw await staleGroup(tx, groupId, group.version)
    await requeueGrantees(scope, grantees)
    audit({
      actor: auditActor(actor),
      action: 'device_group.deleted',
      targetType: 'device_group',
      targetId: groupId,
      details: {
        name: group.name,
        devices: sortedNames(group.members.map((m) => m.device)),
        residents: grantees.length,
      },
      context,
    })
    return { id: groupId, deleted: true as const }
  })
}
