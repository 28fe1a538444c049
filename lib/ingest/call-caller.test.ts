// A door call linked to the resident the station recognised as the caller, through ingest on real databases: the
// person id in the call record finds the resident by Resident.externalId, and the call item carries what the
// register holds (name, unit, enrolled face photo through the signed-in photo route), never the message's name;
// an unknown person id links nobody; later records of the same call keep the first caller; erasing the resident
// unlinks the call and removes its capture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toCallItem, callInclude } from '@/lib/calls/call-item'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { recordLiveEmissions } from '@/lib/ingest/fixtures/recording-live-server'
import { uniqueId } from '@/lib/ingest/fixtures/webhook-requests'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { eraseResident } from '@/lib/residents/erase-resident'

const callRecord = (devId: string, callId: string, status: string, bizData: Record<string, unknown> = {}) => ({
  bizCode: 'callStatus',
  devId,
  ts: Date.now(),
  bizData: { callId, status, time: Date.now(), ...bizData },
})

describe.each(TEST_PROVIDERS)('the caller of a door call on %s', (provider) => {
  let test: TestDatabase
  const ingest = (payload: unknown) =>
    ingestMessage(test.db, { source: 'webhook', payload, raw: JSON.stringify(payload) })
  const callOf = async (devId: string, callId: string) =>
    toCallItem(
      await test.db.call.findFirstOrThrow({
        where: { callRef: callId, device: { tuyaId: devId } },
        include: callInclude,
      }),
    )

  beforeAll(async () => {
    test = await createTestDatabase(provider)
    const db = test.db
    await db.site.create({ data: { id: 'site', name: 'Harbour View' } })
    await db.building.create({ data: { id: 'bld', siteId: 'site', name: 'Block A' } })
    await db.unit.create({ data: { id: 'unit-4b', buildingId: 'bld', label: '4B' } })
    await db.resident.create({
      data: { id: 'res-alice', name: 'Alice Martin', externalId: 'p-alice', unitId: 'unit-4b' },
    })
    await db.resident.create({ data: { id: 'res-bruno', name: 'Bruno Costa', externalId: 'p-bruno' } })
    await db.snapshot.create({ data: { id: 'photo-alice', source: 'enrolment:res-alice', state: 'stored' } })
    await db.credential.create({ data: { residentId: 'res-alice', kind: 'face', photoId: 'photo-alice' } })
  })
  afterAll(async () => {
    await test.drop()
  })

  it('links the call to the recognised resident and shows the register, not the message', async () => {
    const devId = uniqueId('dev')
    const callId = uniqueId('call')
    const live = recordLiveEmissions()
    try {
      await ingest(
        callRecord(devId, callId, 'calling', { userId: 'p-alice', userName: '=Mallory', imageUrl: 'https://x/y.jpg' }),
      )
    } finally {
      live.stop()
    }
    const expected = {
      residentId: 'res-alice',
      name: 'Alice Martin',
      unit: '4B',
      photoUrl: '/api/snapshots/photo-alice',
    }
    expect((await callOf(devId, callId)).caller).toEqual(expected)
    const broadcast = live.emitted.find((e) => e.event === 'call.updated')
    expect(broadcast?.payload).toMatchObject({ state: 'ringing', caller: expected })
  })

  it('keeps the first caller through the rest of the call; a resident without a photo has none', async () => {
    const devId = uniqueId('dev')
    const callId = uniqueId('call')
    await ingest(callRecord(devId, callId, 'calling', { userId: 'p-bruno' }))
    await ingest(callRecord(devId, callId, 'answered', { userId: 'p-alice' }))
    const call = await callOf(devId, callId)
    expect(call.state).toBe('answered')
    expect(call.caller).toEqual({ residentId: 'res-bruno', name: 'Bruno Costa', unit: null, photoUrl: null })
  })

  it('links nobody for an unknown person id, or a record naming nobody', async () => {
    const devId = uniqueId('dev')
    const [unknown, anonymous] = [uniqueId('call'), uniqueId('call')]
    await ingest(callRecord(devId, unknown, 'calling', { userId: 'p-nobody', userName: 'Alice Martin' }))
    expect((await callOf(devId, unknown)).caller).toBeNull()
    await ingest(callRecord(devId, unknown, 'missed'))
    await ingest(callRecord(devId, anonymous, 'calling'))
    expect((await callOf(devId, anonymous)).caller).toBeNull()
  })

  it('completes a call first rung as a data point with the call record that follows (id, capture, caller)', async () => {
    const devId = uniqueId('dev')
    const callId = uniqueId('call')
    const t = Date.now()
    const ring = { dataId: uniqueId('dp'), devId, status: [{ code: 'doorbell', value: true, t }] }
    await ingest({ ...ring })
    const first = await test.db.call.findFirstOrThrow({ where: { device: { tuyaId: devId } } })
    expect(first).toMatchObject({ callRef: null, residentId: null, snapshotId: null, state: 'ringing' })
    await ingest({
      bizCode: 'callStatus',
      devId,
      ts: t,
      bizData: { callId, status: 'calling', time: t, userId: 'p-alice', imageUrl: 'https://x/ring.jpg' },
    })
    const calls = await test.db.call.findMany({ where: { device: { tuyaId: devId } } })
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ id: first.id, callRef: callId, residentId: 'res-alice', state: 'ringing' })
    expect(calls[0].snapshotId).toEqual(expect.any(String))
    expect(await test.db.callEvent.count({ where: { callId: first.id } })).toBe(1)
  })

  it('is unlinked, and the capture removed, when the resident is erased', async () => {
    const devId = uniqueId('dev')
    const callId = uniqueId('call')
    const resident = await test.db.resident.create({ data: { name: 'Chen Wei', externalId: uniqueId('p') } })
    await ingest(callRecord(devId, callId, 'calling', { userId: resident.externalId, imageUrl: 'https://x/c.jpg' }))
    const before = await test.db.call.findFirstOrThrow({ where: { callRef: callId } })
    expect(before).toMatchObject({ residentId: resident.id, snapshotId: expect.any(String) })
    const admin = await test.db.user.create({
      data: { email: `${uniqueId('a')}@example.test`, passwordHash: 'x', role: 'admin', name: 'Admin' },
    })
    await eraseResident(
      test.db,
      { userId: admin.id, email: admin.email, role: 'admin', name: 'Admin', via: 'session' },
      resident.id,
      { ip: null, userAgent: null },
    )
    const after = await test.db.call.findFirstOrThrow({ where: { callRef: callId } })
    expect(after).toMatchObject({ residentId: null, snapshotId: null })
    expect(await test.db.snapshot.count({ where: { id: before.snapshotId! } })).toBe(0)
  })
})
