// Units on real databases: added by building name (a new name adds the building, and a site on a fresh
// install), unique per building, listed by building and label with the residents living there now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { errorResponse } from '@/lib/http/error-response'
import { auditContext, settle } from '@/lib/residents/fixtures/register-fixture'
import { listUnits } from '@/lib/units/data'
import { createUnit } from '@/lib/units/mutations'
import type { Actor } from '@/lib/auth/actor'
import type { Db } from '@/lib/db/client'

describe.each(TEST_PROVIDERS)('units on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let admin: Actor

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    db = testDb.db
    const user = await db.user.create({
      data: { email: 'units@example.test', name: 'Ada', role: 'admin', passwordHash: 'x' },
    })
    admin = { userId: user.id, email: user.email, name: user.name, role: 'admin', via: 'session' }
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const add = (input: unknown) => createUnit(db, admin, input, auditContext)

  it('adds units by building name, creating the site and the building on a fresh install', async () => {
    expect(await db.site.count()).toBe(0)
    const first = await add({ building: 'North Tower', label: 'N-1', floor: '1' })
    const second = await add({ building: 'North Tower', label: 'N-2', floor: '' })
    await add({ building: 'East Wing', label: 'E-1' })
    expect(await db.site.count()).toBe(1)
    expect(await db.building.count()).toBe(2)
    expect(first.buildingId).toBe(second.buildingId)
    expect(second.floor).toBeNull()
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: first.id } })
    expect(audit).toMatchObject({ action: 'unit.created', actorId: admin.userId })
    expect(JSON.parse(audit.details ?? '{}')).toEqual({ building: 'North Tower', label: 'N-1', floor: '1' })
  })

  it('keeps labels unique per building (409), not across buildings', async () => {
    const clash = await settle(add({ building: 'North Tower', label: 'N-1' }))
    expect(errorResponse(clash.error).status).toBe(409)
    expect((await add({ building: 'East Wing', label: 'N-1' })).building).toBe('East Wing')
  })

  it.each([
    [{ label: 'X' }, 'building is required'],
    [{ building: 'A', label: ' ' }, 'label is required'],
    [{ building: 'A/B', label: 'X' }, 'building: no "/"'],
    [{ building: 'A', label: 'X/1' }, 'label: no "/"'],
    [{ building: 'A', label: 'X', floor: 'f'.repeat(21) }, 'floor: at most 20 characters'],
  ])('refuses %j (400: %s)', async (input, message) => {
    const response = errorResponse((await settle(add(input))).error)
    expect(response.status).toBe(400)
    expect((await response.json()).error.message).toContain(message)
  })

  it('lists by building then label, counting the residents living there (not the erased)', async () => {
    const [n1] = (await listUnits(db)).items.filter((u) => u.label === 'N-1' && u.building === 'North Tower')
    await db.resident.createMany({
      data: [
        { name: 'A', externalId: 'u-a', unitId: n1.id },
        { name: 'B', externalId: 'u-b', unitId: n1.id, status: 'suspended' },
        { name: 'Erased resident', externalId: 'u-c', unitId: n1.id, status: 'erased' },
      ],
    })
    const { items } = await listUnits(db)
    expect(items.map((u) => `${u.building} ${u.label} ${u.residents}`)).toEqual([
      'East Wing E-1 0',
      'East Wing N-1 0',
      'North Tower N-1 2',
      'North Tower N-2 0',
    ])
  })
})
