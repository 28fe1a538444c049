// Device groups on real databases: a change to a group's members is work for every resident granted the group
// (each gets sync rows for the new doors, and a bump on the doors that left), edits are versioned (409 with the
// current group when stale), names are unique, and deleting a group withdraws its doors from its residents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { listDeviceGroups } from '@/lib/device-groups/data'
import { createDeviceGroup, deleteDeviceGroup, updateDeviceGroup } from '@/lib/device-groups/mutations'
import { VersionConflictError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/error-response'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import {
  auditContext,
  registerFixture,
  settle,
  syncRowsOf,
  type RegisterFixture,
} from '@/lib/residents/fixtures/register-fixture'
import { createResident, setResidentGrants } from '@/lib/residents/mutations'

describe.each(TEST_PROVIDERS)('device groups on %s', (provider) => {
  let testDb: TestDatabase
  let fx: RegisterFixture
  let groups = 0

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    fx = await registerFixture(testDb.db, provider)
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const newGroup = (deviceIds: string[]) =>
    createDeviceGroup(fx.db, fx.admin, { name: `Group ${++groups}`, deviceIds }, auditContext)
  const granted = async (groupId: string, name: string) => {
    const resident = await createResident(fx.db, fx.admin, { name }, auditContext)
    await setResidentGrants(fx.db, fx.admin, resident.id, { groupIds: [groupId] }, auditContext)
    return resident
  }

  it('re-queues every granted resident when the members change, on the old and the new doors', async () => {
    const group = await newGroup([fx.devices.lobbyA.id, fx.devices.gymA.id])
    const alice = await granted(group.id, 'Alice')
    const bruno = await granted(group.id, 'Bruno')
    const outsider = await createResident(fx.db, fx.admin, { name: 'Chen' }, auditContext)
    await setResidentGrants(fx.db, fx.admin, outsider.id, { deviceIds: [fx.devices.gate.id] }, auditContext)
    await fx.db.deviceSync.updateMany({ data: { state: 'synced', syncedGeneration: 1 } })

    const live = recordLiveEmissions()
    const updated = await updateDeviceGroup(
      fx.db,
      fx.admin,
      group.id,
      { version: 1, deviceIds: [fx.devices.lobbyA.id, fx.devices.lobbyB.id] },
      auditContext,
    ).finally(live.stop)

    expect(updated).toMatchObject({ version: 2, residents: 2 })
    expect(updated.devices.map((d) => d.name)).toEqual(['Block A Lobby', 'Block B Lobby'])
    for (const resident of [alice, bruno]) {
      expect(await syncRowsOf(fx.db, resident.id), resident.name).toEqual({
        [fx.devices.lobbyA.id]: { state: 'pending', generation: 2 },
        [fx.devices.gymA.id]: { state: 'pending', generation: 2 }, // left the group: the device removes them
        [fx.devices.lobbyB.id]: { state: 'pending', generation: 1 }, // joined: a new row
      })
    }
    expect(await syncRowsOf(fx.db, outsider.id)).toEqual({
      [fx.devices.gate.id]: { state: 'synced', generation: 1 },
    })
    expect(live.emitted.map((e) => e.payload.id).sort()).toEqual([alice.id, bruno.id].sort())
    const audit = await fx.db.auditLog.findFirstOrThrow({
      where: { targetId: group.id, action: 'device_group.updated' },
    })
    expect(JSON.parse(audit.details ?? '{}')).toEqual({
      version: 2,
      devices: { added: ['Block B Lobby'], removed: ['Block A Gym'] },
    })
  })

  it('renames without touching the doors, and refuses a stale version with the current group', async () => {
    const group = await newGroup([fx.devices.gate.id])
    const resident = await granted(group.id, 'Dara')
    const before = await syncRowsOf(fx.db, resident.id)
    const renamed = await updateDeviceGroup(
      fx.db,
      fx.admin,
      group.id,
      { version: 1, name: 'Gate only', description: 'front gate' },
      auditContext,
    )
    expect(renamed).toMatchObject({ name: 'Gate only', description: 'front gate', version: 2 })
    expect(await syncRowsOf(fx.db, resident.id)).toEqual(before)

    const stale = await settle(
      updateDeviceGroup(fx.db, fx.admin, group.id, { version: 1, name: 'Other' }, auditContext),
    )
    expect(stale.error).toBeInstanceOf(VersionConflictError)
    const body = await errorResponse(stale.error).json()
    expect(body.error).toMatchObject({
      code: 'version_conflict',
      current: { id: group.id, name: 'Gate only', version: 2 },
    })
  })

  it('lets exactly one of two concurrent edits of one version through', async () => {
    const group = await newGroup([])
    const results = await Promise.all(
      ['x', 'y'].map((d) =>
        settle(updateDeviceGroup(fx.db, fx.admin, group.id, { version: 1, description: d }, auditContext)),
      ),
    )
    expect(results.filter((r) => r.error === null)).toHaveLength(1)
    expect(results.filter((r) => r.error instanceof VersionConflictError)).toHaveLength(1)
  })

  it('keeps names unique (409) and refuses unknown doors (400)', async () => {
    const group = await newGroup([])
    const clash = await settle(createDeviceGroup(fx.db, fx.admin, { name: group.name }, auditContext))
    expect(errorResponse(clash.error).status).toBe(409)
    const other = await newGroup([])
    const rename = await settle(
      updateDeviceGroup(fx.db, fx.admin, other.id, { version: 1, name: group.name }, auditContext),
    )
    expect(errorResponse(rename.error).status).toBe(409)
    const ghost = await settle(
      createDeviceGroup(fx.db, fx.admin, { name: 'Ghosts', deviceIds: ['ghost'] }, auditContext),
    )
    expect(errorResponse(ghost.error).status).toBe(400)
    expect((await listDeviceGroups(fx.db)).items.map((g) => g.name)).not.toContain('Ghosts')
  })

  it('deletes a group: its residents lose its doors and their devices are told', async () => {
    const group = await newGroup([fx.devices.lobbyB.id])
    const resident = await granted(group.id, 'Elena')
    await fx.db.deviceSync.updateMany({ where: { residentId: resident.id }, data: { state: 'synced' } })
    const stale = await settle(deleteDeviceGroup(fx.db, fx.admin, group.id, { version: '7' }, auditContext))
    expect(errorResponse(stale.error).status).toBe(409)
    expect(await deleteDeviceGroup(fx.db, fx.admin, group.id, { version: '1' }, auditContext)).toEqual({
      id: group.id,
      deleted: true,
    })
    expect(await fx.db.residentGroupGrant.count({ where: { residentId: resident.id } })).toBe(0)
    expect(await syncRowsOf(fx.db, resident.id)).toEqual({
      [fx.devices.lobbyB.id]: { state: 'pending', generation: 2 },
    })
    const audit = await fx.db.auditLog.findFirstOrThrow({
      where: { targetId: group.id, action: 'device_group.deleted' },
    })
    expect(JSON.parse(audit.details ?? '{}')).toEqual({ name: group.name, devices: ['Block B Lobby'], residents: 1 })
    expect(
      errorResponse((await settle(deleteDeviceGroup(fx.db, fx.admin, group.id, {}, auditContext))).error).status,
    ).toBe(404)
  })
})
