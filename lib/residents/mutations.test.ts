// Resident writes on real databases: creation with a fresh person id, validation, versioned edits (two concurrent
// edits of one version: exactly one wins, the other gets 409 with the current item), suspension, door grants
// queueing the right devices, and the audit trail (changed fields only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError, VersionConflictError } from '@/lib/errors'
import { errorResponse } from '@/lib/http/error-response'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import {
  auditContext,
  registerFixture,
  settle,
  syncRowsOf,
  type RegisterFixture,
} from '@/lib/residents/fixtures/register-fixture'
import { createResident, setResidentGrants, updateResident } from '@/lib/residents/mutations'
import { getResident } from '@/lib/residents/data'
import { createDeviceGroup } from '@/lib/device-groups/mutations'

describe.each(TEST_PROVIDERS)('resident writes on %s', (provider) => {
  let testDb: TestDatabase
  let fx: RegisterFixture

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    fx = await registerFixture(testDb.db, provider)
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const create = (input: unknown) => createResident(fx.db, fx.admin, input, auditContext)
  const update = (id: string, input: unknown) => updateResident(fx.db, fx.admin, id, input, auditContext)
  const auditOf = (targetId: string) =>
    fx.db.auditLog.findMany({ where: { targetId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })

  it('creates a resident with a fresh url-safe person id, audits every field set and broadcasts it', async () => {
    const live = recordLiveEmissions()
    const item = await create({
      name: '  Alice Martin ',
      unitId: fx.units.a101.id,
      kind: 'tenant',
      phone: '+44 20 7946 0018',
      email: 'alice@example.test',
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    }).finally(live.stop)
    expect(item).toMatchObject({
      name: 'Alice Martin',
      unit: 'A-101',
      building: fx.buildings.blockA.name,
      kind: 'tenant',
      status: 'active',
      version: 1,
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2026-12-31T23:59:59.999Z',
      credentials: { face: 0, card: 0, pin: 0 },
      sync: { pending: 0, synced: 0, failed: 0 },
    })
    expect(item.externalId).toMatch(/^[0-9a-z]{16}$/)
    const other = await create({ name: 'Bruno Costa' })
    expect(other.externalId).not.toBe(item.externalId)
    expect(other.kind).toBe('owner')

    const [row] = await auditOf(item.id)
    expect(row).toMatchObject({ action: 'resident.created', actorId: fx.admin.userId, ip: '10.0.0.7' })
    expect(JSON.parse(row.details ?? '{}').changes).toMatchObject({
      name: { from: null, to: 'Alice Martin' },
      phone: { from: null, to: '+44 20 7946 0018' },
      unit: { from: null, to: `${fx.buildings.blockA.name} / A-101` },
    })
    expect(live.emitted.map((e) => [e.event, e.payload.id, e.rooms])).toEqual([
      ['resident.updated', item.id, ['role:admin']],
    ])
  })

  it.each([
    [{}, 'name is required'],
    [{ name: '   ' }, 'name is required'],
    [{ name: 'x'.repeat(101) }, 'name: at most 100 characters'],
    [{ name: 'A', email: 'not-an-email' }, 'email: not an email address'],
    [{ name: 'A', phone: 'call me' }, 'phone: digits'],
    [{ name: 'A', phone: '123' }, 'phone: between 5 and 15 digits'],
    [{ name: 'A', kind: 'landlord' }, 'kind'],
    [{ name: 'A', validFrom: '2026-02-30' }, 'validFrom: a date (YYYY-MM-DD) or an ISO-8601 time'],
    [{ name: 'A', validUntil: '2026-13-01' }, 'validUntil: a date (YYYY-MM-DD) or an ISO-8601 time'],
    [{ name: 'A', validFrom: '2026-05-01', validUntil: '2026-04-01' }, 'validUntil: must be after validFrom'],
    [{ name: 'A', notes: 'n'.repeat(1001) }, 'notes: at most 1000 characters'],
    [{ name: 'A', unitId: 'no-such-unit' }, 'unitId: no such unit'],
    [{ name: 'A', status: 'erased' }, 'status'],
  ])('refuses %j with a 400 that says %s, and writes nothing', async (input, message) => {
    const before = await fx.db.resident.count()
    const { error } = await settle(create(input))
    const response = errorResponse(error)
    expect(response.status).toBe(400)
    expect((await response.json()).error.message).toContain(message)
    expect(await fx.db.resident.count()).toBe(before)
  })

  it('edits the version it names, audits only the changed fields, and treats "" as clearing a field', async () => {
    const item = await create({ name: 'Chen Wei', phone: '+8613800000000', notes: 'keeps a dog' })
    const edited = await update(item.id, { version: 1, phone: '', notes: 'keeps a cat', kind: 'family' })
    expect(edited).toMatchObject({ version: 2, phone: null, notes: 'keeps a cat', kind: 'family', name: 'Chen Wei' })
    const rows = await auditOf(item.id)
    expect(rows.map((r) => r.action)).toEqual(['resident.created', 'resident.updated'])
    expect(JSON.parse(rows[1].details ?? '{}')).toEqual({
      version: 2,
      changes: {
        kind: { from: 'owner', to: 'family' },
        phone: { from: '+8613800000000', to: null },
        notes: { from: 'keeps a dog', to: 'keeps a cat' },
      },
    })
  })

  it('checks validity order against the stored bound the edit leaves in place', async () => {
    const item = await create({ name: 'Dara Okafor', validUntil: '2026-06-30' })
    const { error } = await settle(update(item.id, { version: 1, validFrom: '2026-07-01' }))
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toBe('validUntil: must be after validFrom')
    expect((await getResident(fx.db, item.id)).version).toBe(1)
  })

  it('refuses a stale version with 409 version_conflict carrying the current item', async () => {
    const item = await create({ name: 'Elena Petrova' })
    await update(item.id, { version: 1, notes: 'first' })
    const { error } = await settle(update(item.id, { version: 1, notes: 'second' }))
    expect(error).toBeInstanceOf(VersionConflictError)
    const response = errorResponse(error)
    expect(response.status).toBe(409)
    const body = await response.json()
    expect(body.error).toMatchObject({
      code: 'version_conflict',
      current: { id: item.id, version: 2, notes: 'first', name: 'Elena Petrova' },
    })
    expect(body.error.message).toContain('changed by someone else')
    expect((await getResident(fx.db, item.id)).notes).toBe('first')
  })

  it('lets exactly one of two concurrent edits of the same version win; the other gets 409', async () => {
    const item = await create({ name: 'Farid Haddad' })
    for (let round = 0; round < 5; round++) {
      const version = (await getResident(fx.db, item.id)).version
      const results = await Promise.all([
        settle(update(item.id, { version, notes: `left ${round}` })),
        settle(update(item.id, { version, notes: `right ${round}` })),
      ])
      const won = results.filter((r) => r.error === null)
      const lost = results.filter((r) => r.error !== null)
      expect(won).toHaveLength(1)
      expect(lost).toHaveLength(1)
      expect(lost[0].error).toBeInstanceOf(VersionConflictError)
      const now = await getResident(fx.db, item.id)
      expect(now.version).toBe(version + 1)
      expect(now.notes).toBe(won[0].value?.notes)
    }
    expect(await fx.db.auditLog.count({ where: { targetId: item.id, action: 'resident.updated' } })).toBe(5)
  })

  it('grants doors directly and through a group: each granted device gets a pending sync row', async () => {
    const item = await create({ name: 'Grace Lee' })
    const group = await createDeviceGroup(
      fx.db,
      fx.admin,
      { name: `Block A ${provider}`, deviceIds: [fx.devices.lobbyA.id, fx.devices.gymA.id] },
      auditContext,
    )
    const live = recordLiveEmissions()
    const detail = await setResidentGrants(
      fx.db,
      fx.admin,
      item.id,
      { deviceIds: [fx.devices.gate.id, fx.devices.gate.id], groupIds: [group.id] },
      auditContext,
    ).finally(live.stop)
    expect(detail.access).toEqual({
      devices: [{ id: fx.devices.gate.id, name: 'Main Gate' }],
      groups: [{ id: group.id, name: group.name }],
    })
    expect(detail.sync).toEqual({ pending: 3, synced: 0, failed: 0 })
    expect(await syncRowsOf(fx.db, item.id)).toEqual({
      [fx.devices.lobbyA.id]: { state: 'pending', generation: 1 },
      [fx.devices.gymA.id]: { state: 'pending', generation: 1 },
      [fx.devices.gate.id]: { state: 'pending', generation: 1 },
    })
    expect(live.emitted.map((e) => [e.event, e.payload.sync])).toEqual([
      ['resident.updated', { pending: 3, synced: 0, failed: 0 }],
    ])

    // Withdrawing the gate keeps its row (the device must be told to remove the person) and bumps every row.
    await fx.db.deviceSync.updateMany({
      where: { residentId: item.id },
      data: { state: 'synced', syncedGeneration: 1 },
    })
    await setResidentGrants(fx.db, fx.admin, item.id, { deviceIds: [] }, auditContext)
    expect(await syncRowsOf(fx.db, item.id)).toEqual({
      [fx.devices.lobbyA.id]: { state: 'pending', generation: 2 },
      [fx.devices.gymA.id]: { state: 'pending', generation: 2 },
      [fx.devices.gate.id]: { state: 'pending', generation: 2 },
    })
    const audits = await fx.db.auditLog.findMany({ where: { targetId: item.id, action: 'resident.access_changed' } })
    expect(audits.map((a) => JSON.parse(a.details ?? '{}'))).toEqual([
      { devices: { added: ['Main Gate'], removed: [] }, groups: { added: [group.name], removed: [] } },
      { devices: { added: [], removed: ['Main Gate'] } },
    ])
  })

  it('refuses grants of unknown doors or groups and changes nothing', async () => {
    const item = await create({ name: 'Hugo Silva' })
    const { error } = await settle(
      setResidentGrants(fx.db, fx.admin, item.id, { deviceIds: [fx.devices.gate.id, 'ghost'] }, auditContext),
    )
    expect((error as AppError).message).toBe('deviceIds: no such device: ghost')
    expect(await fx.db.residentDeviceGrant.count({ where: { residentId: item.id } })).toBe(0)
    expect(await fx.db.deviceSync.count({ where: { residentId: item.id } })).toBe(0)
  })

  it('suspends and reactivates (audited as such), re-queueing the doors each time; a notes edit does not', async () => {
    const item = await create({ name: 'Inès García' })
    await setResidentGrants(fx.db, fx.admin, item.id, { deviceIds: [fx.devices.lobbyB.id] }, auditContext)
    const suspended = await update(item.id, { version: 1, status: 'suspended' })
    expect(suspended.status).toBe('suspended')
    expect((await syncRowsOf(fx.db, item.id))[fx.devices.lobbyB.id].generation).toBe(2)
    await update(item.id, { version: 2, notes: 'away until spring' })
    expect((await syncRowsOf(fx.db, item.id))[fx.devices.lobbyB.id].generation).toBe(2)
    const active = await update(item.id, { version: 3, status: 'active' })
    expect(active).toMatchObject({ status: 'active', version: 4 })
    expect((await syncRowsOf(fx.db, item.id))[fx.devices.lobbyB.id].generation).toBe(3)
    const actions = (await auditOf(item.id)).map((r) => r.action)
    expect(actions).toEqual([
      'resident.created',
      'resident.access_changed',
      'resident.suspended',
      'resident.updated',
      'resident.reactivated',
    ])
  })

  it('answers an edit without changes with the item as it is, and without a new version', async () => {
    const item = await create({ name: 'Jonas Berg', notes: 'same' })
    expect(await update(item.id, { version: 1, notes: 'same' })).toMatchObject({ version: 1 })
    expect(await fx.db.auditLog.count({ where: { targetId: item.id } })).toBe(1)
  })

  it('shows credentials as counts only: no card number, PIN or face id in the item', async () => {
    const item = await create({ name: 'Karl Holder' })
    await fx.db.credential.createMany({
      data: [
        { residentId: item.id, kind: 'card', value: '0099887766', uniqueKey: `card:${item.id}` },
        { residentId: item.id, kind: 'pin', secretSealed: 'sealed-secret-value', uniqueKey: `pin:${item.id}` },
        { residentId: item.id, kind: 'face', value: 'face-id-karl' },
        { residentId: item.id, kind: 'card', value: '0011', revokedAt: new Date() },
      ],
    })
    const detail = await getResident(fx.db, item.id)
    expect(detail.credentials).toEqual({ face: 1, card: 1, pin: 1 })
    const text = JSON.stringify(detail)
    for (const secret of ['0099887766', 'sealed-secret-value', 'face-id-karl', 'card:', 'pin:']) {
      expect(text).not.toContain(secret)
    }
  })

  it('answers 404 for an unknown resident', async () => {
    const { error } = await settle(update('nobody', { version: 1, notes: 'x' }))
    expect(errorResponse(error).status).toBe(404)
  })
})
