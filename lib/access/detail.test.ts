// The access event detail on a real database (SQLite and PostgreSQL): the snapshot beside the resident's enrolled
// photo, the raw source message for admins only, the call and alarm it belongs to for the roles that read them,
// and the same door's events in the minutes around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAccessEventDetail } from '@/lib/access/detail'
import type { Actor } from '@/lib/auth/actor'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import type { Role } from '@/lib/domain/enums'

const actor = (role: Role): Actor => ({
  userId: `u-${role}`,
  email: `${role}@x.test`,
  name: role,
  role,
  via: 'session',
})
const T = Date.parse('2026-11-30T10:00:00.000Z')
const MIN = 60_000

describe.each(TEST_PROVIDERS)('access event detail on %s', (provider) => {
  let testDb: TestDatabase

  beforeAll(async () => {
    testDb = await createTestDatabase(provider)
    const db = testDb.db
    await db.site.create({ data: { id: 's', name: 'Site' } })
    await db.building.create({ data: { id: 'b', siteId: 's', name: 'Main' } })
    await db.unit.create({ data: { id: 'u4b', buildingId: 'b', label: '4B' } })
    await db.resident.create({ data: { id: 'res-alice', name: 'Alice', externalId: 'p-a', unitId: 'u4b' } })
    await db.device.create({ data: { id: 'gate', tuyaId: 't-gate', name: 'Gate', category: 'door_station' } })
    await db.device.create({ data: { id: 'lobby', tuyaId: 't-lobby', name: 'Lobby', category: 'face_terminal' } })
    await db.snapshot.create({ data: { id: 'snap-event', source: 'x', state: 'stored' } })
    await db.snapshot.create({ data: { id: 'snap-old-photo', source: 'x', state: 'stored' } })
    await db.snapshot.create({ data: { id: 'snap-photo', source: 'x', state: 'stored' } })
    await db.credential.create({
      data: { residentId: 'res-alice', kind: 'face', photoId: 'snap-old-photo', createdAt: new Date(T - 9 * MIN) },
    })
    await db.credential.create({
      data: { residentId: 'res-alice', kind: 'face', photoId: 'snap-photo', createdAt: new Date(T - 5 * MIN) },
    })
    await db.inboundMessage.create({
      data: {
        id: 'msg-1',
        source: 'mq',
        sourceMessageId: 'src-1',
        shape: 'vendor_record',
        payload: '{"bizCode":"accessRecord"}',
        outcome: 'processed',
      },
    })
    const event = (id: string, deviceId: string, minutes: number, extra: object = {}) => ({
      id,
      deviceId,
      deviceTuyaId: `t-${deviceId}`,
      occurredAt: new Date(T + minutes * MIN),
      method: 'face',
      result: 'granted',
      sourceCode: 'accessRecord',
      ...extra,
    })
    await db.accessEvent.createMany({
      data: [
        event('ae-main', 'gate', 0, {
          residentId: 'res-alice',
          residentName: 'Alice',
          snapshotId: 'snap-event',
          messageId: 'msg-1',
          method: 'remote',
        }),
        event('ae-before', 'gate', -4),
        event('ae-after', 'gate', 3, { result: 'denied' }),
        event('ae-too-early', 'gate', -6),
        event('ae-other-door', 'lobby', 1),
      ],
    })
    await db.call.create({
      data: {
        id: 'call-1',
        deviceId: 'gate',
        state: 'door_opened',
        startedAt: new Date(T - 30_000),
        endedAt: new Date(T + 1_000),
        lastSignalAt: new Date(T + 1_000),
        answeredByName: 'Guard One',
      },
    })
    await db.call.create({
      data: {
        id: 'call-old',
        deviceId: 'gate',
        state: 'missed',
        startedAt: new Date(T - 30 * MIN),
        endedAt: new Date(T - 29 * MIN),
        lastSignalAt: new Date(T - 29 * MIN),
      },
    })
    await db.alarm.create({
      data: {
        id: 'alarm-1',
        deviceId: 'gate',
        type: 'repeated_failures',
        priority: 'high',
        firstAt: new Date(T - 2 * MIN),
        lastAt: new Date(T + 3 * MIN),
        count: 3,
      },
    })
  })

  afterAll(async () => {
    await testDb?.drop()
  })

  it('shows an admin everything: both photos, the raw message, the call, the alarm and the nearby events', async () => {
    const detail = await readAccessEventDetail(testDb.db, actor('admin'), 'ae-main')
    expect(detail.event).toMatchObject({
      id: 'ae-main',
      snapshotUrl: '/api/snapshots/snap-event',
      unit: '4B',
      sourceCode: 'accessRecord',
      method: 'remote',
    })
    expect(detail.enrolledPhotoUrl).toBe('/api/snapshots/snap-photo')
    expect(detail.rawMessage).toMatchObject({ id: 'msg-1', source: 'mq', payload: '{"bizCode":"accessRecord"}' })
    expect(detail.call).toMatchObject({ id: 'call-1', state: 'door_opened', answeredByName: 'Guard One' })
    expect(detail.alarm).toMatchObject({ id: 'alarm-1', type: 'repeated_failures', count: 3 })
    expect(detail.nearby.map((e) => e.id)).toEqual(['ae-before', 'ae-main', 'ae-after'])
  })

  it('leaves out what a role may not read: no raw message for managers or guards, no call for managers', async () => {
    const manager = await readAccessEventDetail(testDb.db, actor('manager'), 'ae-main')
    expect('rawMessage' in manager).toBe(false)
    expect('call' in manager).toBe(false)
    expect(manager.alarm?.id).toBe('alarm-1')
    expect(manager.enrolledPhotoUrl).toBe('/api/snapshots/snap-photo')
    const guard = await readAccessEventDetail(testDb.db, actor('guard'), 'ae-main')
    expect('rawMessage' in guard).toBe(false)
    expect(guard.call?.id).toBe('call-1')
  })

  it('answers null where nothing belongs to the event, and 404 for an unknown id', async () => {
    const detail = await readAccessEventDetail(testDb.db, actor('admin'), 'ae-other-door')
    expect(detail).toMatchObject({ enrolledPhotoUrl: null, rawMessage: null, call: null, alarm: null })
    expect(detail.nearby.map((e) => e.id)).toEqual(['ae-other-door'])
    await expect(readAccessEventDetail(testDb.db, actor('admin'), 'nope')).rejects.toMatchObject({ status: 404 })
  })
})
