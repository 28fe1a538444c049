// The building's time zone on a real database (SQLite and PostgreSQL): UTC until set, only IANA names this runtime
// knows, stored on the site, audited with the old and new zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/lib/auth/actor'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { readBuildingSettings, readBuildingTimeZone, updateBuildingSettings } from '@/lib/settings/building'

const admin: Actor = { userId: 'u-admin', email: 'admin@x.test', name: 'Admin', role: 'admin', via: 'session' }

describe.each(TEST_PROVIDERS)('building settings on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    await testDb.db.user.create({
      data: { id: admin.userId, email: admin.email, name: 'A', role: 'admin', passwordHash: 'x' },
    })
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  it('reads UTC while there is no site, and creates the site on the first change', async () => {
    expect(await readBuildingSettings(testDb.db)).toEqual({ timeZone: 'UTC', siteName: null })
    expect(await updateBuildingSettings(testDb.db, admin, { timeZone: 'Asia/Singapore' }, { ip: '10.0.0.1' })).toEqual({
      timeZone: 'Asia/Singapore',
      siteName: 'Building',
    })
    expect(await readBuildingTimeZone(testDb.db)).toBe('Asia/Singapore')
  })

  it('changes the zone of the existing site and audits the change', async () => {
    await updateBuildingSettings(testDb.db, admin, { timeZone: ' Europe/Berlin ' }, {})
    expect(await testDb.db.site.count()).toBe(1)
    expect(await readBuildingTimeZone(testDb.db)).toBe('Europe/Berlin')
    const entry = await testDb.db.auditLog.findFirst({
      where: { action: 'settings.building.updated' },
      orderBy: { at: 'desc' },
    })
    expect(entry).toMatchObject({ actorId: admin.userId, targetType: 'site' })
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({ timeZone: { from: 'Asia/Singapore', to: 'Europe/Berlin' } })
  })

  it.each([
    [{ timeZone: 'Mars/Olympus' }],
    [{ timeZone: '+08:00' }],
    [{ timeZone: 42 }],
    [{}],
    [{ timeZone: 'UTC', extra: 1 }],
  ])('refuses %j with 400 and changes nothing', async (body) => {
    await expect(updateBuildingSettings(testDb.db, admin, body, {})).rejects.toMatchObject({ status: 400 })
    expect(await readBuildingTimeZone(testDb.db)).toBe('Europe/Berlin')
  })

  it('shows UTC rather than a zone this runtime does not know (a value stored by hand)', async () => {
    await testDb.db.site.updateMany({ data: { timezone: 'Not/AZone' } })
    expect(await readBuildingTimeZone(testDb.db)).toBe('UTC')
  })
})
