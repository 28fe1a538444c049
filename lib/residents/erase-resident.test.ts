// Erasure on real databases: personal data blanked, credentials revoked (a PIN's sealed secret kept for the sync
// worker), every image of the person deleted (no Snapshot row of theirs remains), their access events renamed,
// their doors withdrawn and every device queued for removal, the audit trail and the live outbox rid of their
// personal values. On SQLite, the deleted image bytes are gone from the database files too.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqlitePathOf, type Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { createDeviceGroup } from '@/lib/device-groups/mutations'
import { errorResponse } from '@/lib/http/error-response'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { eraseResident } from '@/lib/residents/erase-resident'
import {
  auditContext,
  registerFixture,
  settle,
  syncRowsOf,
  type RegisterFixture,
} from '@/lib/residents/fixtures/register-fixture'
import { createResident, setResidentGrants, updateResident } from '@/lib/residents/mutations'

/** A stored image whose bytes are the marker repeated (over 2 KB: it spills into overflow pages). */
const storedImage = (db: Db, marker: string) =>
  db.snapshot.create({
    data: {
      source: `url:https://example.test/${marker}.jpg`,
      state: 'stored',
      contentType: 'image/jpeg',
      data: Buffer.from(marker.repeat(2000)),
      thumbnail: Buffer.from(marker.repeat(100)),
    },
  })

describe.each(TEST_PROVIDERS)('eraseResident on %s', (provider) => {
  let testDb: TestDatabase
  let fx: RegisterFixture

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    fx = await registerFixture(testDb.db, provider)
  })
  afterAll(async () => {
    await testDb?.drop()
  })

  const image = (marker: string) => storedImage(fx.db, marker)
  const accessEvent = (data: {
    residentId?: string
    externalUserId?: string
    residentName: string
    snapshotId?: string
  }) =>
    fx.db.accessEvent.create({
      data: { deviceTuyaId: 't', occurredAt: new Date(), method: 'face', result: 'granted', sourceCode: 'x', ...data },
    })

  let groups = 0
  /** A resident with everything an erasure must reach. */
  async function residentWithHistory(name: string) {
    const resident = await createResident(
      fx.db,
      fx.admin,
      {
        name,
        unitId: fx.units.a101.id,
        phone: '+44 7700 900123',
        email: `${name.split(' ')[0]}@example.test`,
        notes: 'allergic to cats',
      },
      auditContext,
    )
    await updateResident(fx.db, fx.admin, resident.id, { version: 1, notes: 'moved in with Bob' }, auditContext)
    const group = await createDeviceGroup(
      fx.db,
      fx.admin,
      { name: `Lobbies ${++groups}`, deviceIds: [fx.devices.lobbyA.id, fx.devices.lobbyB.id] },
      auditContext,
    )
    await setResidentGrants(
      fx.db,
      fx.admin,
      resident.id,
      { deviceIds: [fx.devices.gate.id], groupIds: [group.id] },
      auditContext,
    )
    await fx.db.deviceSync.updateMany({
      where: { residentId: resident.id },
      data: { state: 'synced', syncedGeneration: 1 },
    })
    const photo = await image(`photo-${resident.id}`)
    await fx.db.credential.createMany({
      data: [
        { residentId: resident.id, kind: 'face', value: `face-${resident.id}`, photoId: photo.id, label: 'front' },
        {
          residentId: resident.id,
          kind: 'card',
          value: '0012345678',
          uniqueKey: `card:${resident.id}`,
          label: 'blue fob',
        },
        { residentId: resident.id, kind: 'pin', secretSealed: 'sealed-pin', uniqueKey: `pin:${resident.id}` },
      ],
    })
    const captures = [await image(`capture1-${resident.id}`), await image(`capture2-${resident.id}`)]
    await accessEvent({ residentId: resident.id, residentName: name, snapshotId: captures[0].id })
    await accessEvent({ residentId: resident.id, residentName: name })
    // Reported by the device under the person id only, before the resident was matched.
    await accessEvent({ externalUserId: resident.externalId, residentName: name, snapshotId: captures[1].id })
    return { resident, group, photo, captures }
  }

  it('blanks the person, revokes, deletes every image of them, renames their events and queues every device', async () => {
    const { resident, photo, captures } = await residentWithHistory('Alice Martin')
    const neighbour = await residentWithHistory('Bruno Costa')

    const live = recordLiveEmissions()
    const { item, started } = await eraseResident(fx.db, fx.admin, resident.id, auditContext).finally(live.stop)

    expect(started).toBe(true)
    expect(item).toMatchObject({
      id: resident.id,
      name: 'Erased resident',
      status: 'erasing',
      phone: null,
      email: null,
      notes: null,
      unitId: null,
      version: 3,
      credentials: { face: 0, card: 0, pin: 0 },
      sync: { pending: 3, synced: 0, failed: 0 },
    })
    expect(live.emitted.map((e) => [e.event, e.payload.id, e.payload.status])).toEqual([
      ['resident.updated', resident.id, 'erasing'],
    ])

    const credentials = await fx.db.credential.findMany({
      where: { residentId: resident.id },
      orderBy: { kind: 'asc' },
    })
    expect(credentials.map((c) => [c.kind, !!c.revokedAt, c.uniqueKey, c.label, c.photoId])).toEqual([
      ['card', true, null, null, null],
      ['face', true, null, null, null],
      ['pin', true, null, null, null],
    ])
    expect(credentials.find((c) => c.kind === 'pin')?.secretSealed).toBe('sealed-pin')

    const gone = [photo.id, ...captures.map((c) => c.id)]
    expect(await fx.db.snapshot.count({ where: { id: { in: gone } } })).toBe(0)
    const referenced = await fx.db.accessEvent.findMany({
      where: { OR: [{ residentId: resident.id }, { externalUserId: resident.externalId }] },
      select: { residentName: true, snapshotId: true },
    })
    expect(referenced).toHaveLength(3)
    expect(referenced.every((e) => e.residentName === 'Erased resident' && e.snapshotId === null)).toBe(true)
    // The neighbour keeps everything.
    expect(
      await fx.db.snapshot.count({
        where: { id: { in: [neighbour.photo.id, ...neighbour.captures.map((c) => c.id)] } },
      }),
    ).toBe(3)
    expect(
      await fx.db.accessEvent.count({ where: { residentId: neighbour.resident.id, residentName: 'Bruno Costa' } }),
    ).toBe(2)

    expect(await fx.db.residentDeviceGrant.count({ where: { residentId: resident.id } })).toBe(0)
    expect(await fx.db.residentGroupGrant.count({ where: { residentId: resident.id } })).toBe(0)
    expect(await syncRowsOf(fx.db, resident.id)).toEqual({
      [fx.devices.lobbyA.id]: { state: 'pending', generation: 2 },
      [fx.devices.lobbyB.id]: { state: 'pending', generation: 2 },
      [fx.devices.gate.id]: { state: 'pending', generation: 2 },
    })

    const audits = await fx.db.auditLog.findMany({
      where: { targetId: resident.id },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    })
    expect(audits.map((a) => a.action)).toEqual([
      'resident.created',
      'resident.updated',
      'resident.access_changed',
      'resident.erasure_requested',
    ])
    const trail = audits.map((a) => a.details ?? '').join('\n')
    for (const personal of ['Alice', 'Martin', '7700', 'example.test', 'allergic', 'Bob'])
      expect(trail).not.toContain(personal)
    expect(JSON.parse(audits[0].details ?? '{}').changes.name).toEqual({ from: '[erased]', to: '[erased]' })
    expect(JSON.parse(audits[3].details ?? '{}')).toMatchObject({
      credentialsRevoked: 3,
      imagesDeleted: 3,
      accessEventsRenamed: 3,
      grantsRemoved: 2,
      devicesToClear: 3,
    })
    expect(audits[3]).toMatchObject({ actorId: fx.admin.userId, ip: '10.0.0.7' })

    const outbox = (await fx.db.liveEvent.findMany({ select: { payload: true } })).map((e) => e.payload).join('\n')
    expect(outbox).not.toContain('Alice Martin')
    expect(outbox).toContain('Bruno Costa')
  })

  it('answers a repeated request with the item and does nothing more', async () => {
    const { resident } = await residentWithHistory('Chen Wei')
    await eraseResident(fx.db, fx.admin, resident.id, auditContext)
    const again = await eraseResident(fx.db, fx.admin, resident.id, auditContext)
    expect(again).toMatchObject({ started: false, item: { status: 'erasing' } })
    expect(await fx.db.auditLog.count({ where: { targetId: resident.id, action: 'resident.erasure_requested' } })).toBe(
      1,
    )
  })

  it('finishes at once when no device ever held the person', async () => {
    const resident = await createResident(fx.db, fx.admin, { name: 'Dara Okafor' }, auditContext)
    const { item } = await eraseResident(fx.db, fx.admin, resident.id, auditContext)
    expect(item.status).toBe('erased')
    expect(item.erasedAt).not.toBeNull()
  })

  it('refuses edits and grants once the erasure has begun (409), and answers 404 for no one', async () => {
    const { resident } = await residentWithHistory('Elena Petrova')
    const { item } = await eraseResident(fx.db, fx.admin, resident.id, auditContext)
    const edit = await settle(
      updateResident(fx.db, fx.admin, resident.id, { version: item.version, name: 'Back' }, auditContext),
    )
    expect(errorResponse(edit.error).status).toBe(409)
    const grant = await settle(
      setResidentGrants(fx.db, fx.admin, resident.id, { deviceIds: [fx.devices.gate.id] }, auditContext),
    )
    expect(errorResponse(grant.error).status).toBe(409)
    expect(errorResponse((await settle(eraseResident(fx.db, fx.admin, 'nobody', auditContext))).error).status).toBe(404)
  })
})

describe.each(TEST_PROVIDERS.filter((p) => p === 'sqlite'))('erasure in the %s files', (provider) => {
  let testDb: TestDatabase
  let fx: RegisterFixture

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    fx = await registerFixture(testDb.db, provider)
  })
  afterAll(async () => {
    await testDb?.drop()
  })
  const image = (marker: string) => storedImage(fx.db, marker)

  it('leaves no byte of the deleted images in the SQLite files (secure_delete, checkpoint)', async () => {
    const pragma = await fx.db.$queryRawUnsafe<{ secure_delete: bigint | number }[]>('PRAGMA secure_delete')
    expect(Number(pragma[0].secure_delete)).toBe(1)
    const resident = await createResident(fx.db, fx.admin, { name: 'Farid Haddad' }, auditContext)
    const marker = `FACE-${randomBytes(8).toString('hex')}`
    const photo = await image(marker)
    await fx.db.credential.create({ data: { residentId: resident.id, kind: 'face', value: 'f', photoId: photo.id } })
    const file = sqlitePathOf(testDb.url)
    const filesHold = (text: string) =>
      ['', '-wal'].some((suffix) => {
        try {
          return readFileSync(`${file}${suffix}`).includes(Buffer.from(text))
        } catch {
          return false
        }
      })
    expect(filesHold(marker)).toBe(true) // so the check below can fail
    await eraseResident(fx.db, fx.admin, resident.id, auditContext)
    expect(filesHold(marker)).toBe(false)
  })
})
