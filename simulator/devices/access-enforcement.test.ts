// What the console pushes through the signed OpenAPI is what the simulated devices let in: persons with their
// validity, faces, cards and PINs on an access panel; members and temporary passwords on a lock. Triggers by
// personId / cardNo / pin answer granted or refused (with the reason) and the device reports the same.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const lock = DEMO_BUILDING.devices.find((d) => d.category === 'jtmspro')!
const panel = DEMO_BUILDING.devices.find((d) => d.category === 'mk')!
const otherPanel = DEMO_BUILDING.devices.filter((d) => d.category === 'mk')[1]
const HOUR = 3_600_000
let now = Date.now()
let sim: RunningSimulator
let tuya: ReturnType<typeof createTuyaClient>

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clock: { now: () => now } })
  tuya = createTuyaClient({
    baseUrl: sim.url,
    accessId: sim.accessId,
    accessSecret: sim.accessSecret,
    now: () => now,
    retry: { maxRetries: 0 },
  })
})
afterAll(() => sim.close())

type TriggerAnswer = {
  ok: boolean
  outcome?: 'granted' | 'refused'
  reason?: string
  person?: { personId: string; name: string }
  tempPasswordId?: number
  messages: { payload: Record<string, unknown> }[]
}

async function trigger(deviceId: string, body: Record<string, unknown>): Promise<{ status: number } & TriggerAnswer> {
  const res = await fetch(`${sim.url}/_sim/devices/${deviceId}/trigger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, ...((await res.json()) as TriggerAnswer) }
}

const get = async (path: string) => (await fetch(`${sim.url}${path}`)).json()
const bizData = (answer: TriggerAnswer) => (answer.messages[0].payload as { bizData: Record<string, unknown> }).bizData
const statusOf = (answer: TriggerAnswer) => (answer.messages[0].payload as { status: { code: string }[] }).status

describe('access panel: persons, faces, cards and PINs pushed through the OpenAPI', () => {
  const personId = 'api-person-kim'

  it('opens for the enrolled person by face, and the device holds the downloaded picture', async () => {
    await tuya.addPerson(panel.id, personId, { name: 'Kim Novak', begin_time: now - HOUR, end_time: now + 24 * HOUR })
    const portraitUrl = `${sim.url}/_sim/enrolment/res-alice-martin.jpg`
    await tuya.addFace(panel.id, personId, 'face-kim', portraitUrl)
    await tuya.addCard(panel.id, personId, 'C0FFEE01')
    await tuya.addPassword(panel.id, personId, '135790')

    const granted = await trigger(panel.id, { kind: 'face_unlock', personId })
    expect(granted).toMatchObject({ status: 200, outcome: 'granted', person: { personId, name: 'Kim Novak' } })
    expect(bizData(granted)).toMatchObject({ success: true, userId: personId, userName: 'Kim Novak', way: 4 })

    const portrait = Buffer.from(await (await fetch(portraitUrl)).arrayBuffer())
    const state = await get(`/_sim/devices/${panel.id}`)
    const face = state.faces.find((f: { faceId: string }) => f.faceId === 'face-kim')
    expect(face).toMatchObject({ personId, bytes: portrait.length })
    expect(face.sha256).toBe(createHash('sha256').update(portrait).digest('hex'))
    expect(Buffer.from(await (await fetch(face.imageUrl)).arrayBuffer())).toEqual(portrait)
    expect(state.persons).toContainEqual(
      expect.objectContaining({ personId, beginTime: now - HOUR, endTime: now + 24 * HOUR, valid: true }),
    )

    const across = await get(`/_sim/persons/${personId}`)
    expect(across.devices).toHaveLength(1)
    expect(across.devices[0]).toMatchObject({
      deviceId: panel.id,
      person: { name: 'Kim Novak' },
      faces: [{ faceId: 'face-kim' }],
      cards: [{ cardNo: 'C0FFEE01' }],
      pins: [{ pin: '135790' }],
    })
  })

  it('refuses a face that was deleted, or a person the device never received', async () => {
    await tuya.deleteFace(panel.id, personId, 'face-kim')
    const refused = await trigger(panel.id, { kind: 'face_unlock', personId })
    expect(refused).toMatchObject({ status: 200, outcome: 'refused', reason: 'not_enrolled' })
    expect(refused.person).toBeUndefined()
    const record = bizData(refused)
    expect(record).toMatchObject({ success: false, way: 4 })
    expect(record.userId).toBeUndefined()
    expect(record.userName).toBeUndefined()
    // Enrolled elsewhere is not enrolled here.
    expect(await trigger(otherPanel.id, { kind: 'card_unlock', personId })).toMatchObject({ reason: 'not_enrolled' })
  })

  it('opens by card number and by PIN; unknown numbers are refused', async () => {
    const card = await trigger(panel.id, { kind: 'card_unlock', cardNo: 'C0FFEE01' })
    expect(card).toMatchObject({ outcome: 'granted', person: { personId, name: 'Kim Novak' } })
    expect(bizData(card)).toMatchObject({ success: true, way: 1, userId: personId })
    const pin = await trigger(panel.id, { kind: 'pin_unlock', pin: '135790' })
    expect(pin).toMatchObject({ outcome: 'granted', person: { personId } })
    expect(bizData(pin)).toMatchObject({ success: true, way: 2 })

    const wrongCard = await trigger(panel.id, { kind: 'card_unlock', cardNo: 'DEADBEEF' })
    expect(wrongCard).toMatchObject({ outcome: 'refused', reason: 'not_enrolled' })
    expect(bizData(wrongCard)).toMatchObject({ success: false, way: 1 })
    expect(await trigger(panel.id, { kind: 'pin_unlock', pin: '000000' })).toMatchObject({
      outcome: 'refused',
      reason: 'not_enrolled',
    })

    await tuya.deleteCard(panel.id, personId, 'C0FFEE01')
    expect(await trigger(panel.id, { kind: 'card_unlock', cardNo: 'C0FFEE01' })).toMatchObject({
      outcome: 'refused',
    })
  })

  it('refuses the person outside their validity window, on the device clock', async () => {
    await tuya.updatePerson(panel.id, personId, { name: 'Kim Novak', begin_time: now + HOUR, end_time: now + 2 * HOUR })
    const early = await trigger(panel.id, { kind: 'pin_unlock', pin: '135790' })
    expect(early).toMatchObject({ outcome: 'refused', reason: 'outside_validity' })
    expect(bizData(early)).toMatchObject({ success: false, way: 2 })
    expect((await get(`/_sim/devices/${panel.id}`)).persons).toContainEqual(
      expect.objectContaining({ personId, valid: false }),
    )
    now += 90 * 60_000
    expect(await trigger(panel.id, { kind: 'pin_unlock', pin: '135790' })).toMatchObject({ outcome: 'granted' })
    now += HOUR
    expect(await trigger(panel.id, { kind: 'pin_unlock', pin: '135790' })).toMatchObject({
      outcome: 'refused',
      reason: 'outside_validity',
    })
    await expect(
      tuya.updatePerson(panel.id, personId, { name: 'Kim Novak', begin_time: now, end_time: now - 1 }),
    ).rejects.toMatchObject({ code: 1109 })
  })

  it('keeps one PIN and one card number per person on a device (1109 for another person)', async () => {
    await tuya.addPerson(panel.id, 'api-person-lea', { name: 'Lea Wong' })
    await expect(tuya.addPassword(panel.id, 'api-person-lea', '135790')).rejects.toMatchObject({ code: 1109 })
    await expect(tuya.addCard(panel.id, 'api-person-lea', '0A1B2C01')).rejects.toMatchObject({ code: 1109 })
    // Re-sending the same credential for the same person is a no-op success (sync retries do this).
    await expect(tuya.addPassword(panel.id, personId, '135790')).resolves.toMatchObject({ sn: expect.any(String) })
    // Deleting someone else's PIN is "data not exist", and leaves it in place.
    await expect(tuya.deletePassword(panel.id, 'api-person-lea', '135790')).rejects.toMatchObject({ code: 1000 })
    expect(await trigger(panel.id, { kind: 'pin_unlock', pin: '482913' })).toMatchObject({
      outcome: 'granted',
      person: { name: 'Alice Martin' },
    })
  })

  it('deleting the person removes everything they held, everywhere it was pushed', async () => {
    await tuya.deletePerson(panel.id, personId)
    expect(await get(`/_sim/persons/${personId}`)).toEqual({ personId, devices: [] })
    expect(await trigger(panel.id, { kind: 'pin_unlock', pin: '135790' })).toMatchObject({ reason: 'not_enrolled' })
  })
})

describe('smart lock: members and temporary passwords', () => {
  it('opens for a member created and allocated through the API, until the member is deleted', async () => {
    const { userId } = await tuya.createLockMember(lock.id, { nick_name: 'Night Porter' })
    expect(await trigger(lock.id, { kind: 'face_unlock', personId: userId })).toMatchObject({ reason: 'not_enrolled' })
    await tuya.allocateLockCredentials(lock.id, userId, [{ dp_code: 'unlock_face', unlock_sn: 7 }])
    const granted = await trigger(lock.id, { kind: 'face_unlock', personId: userId })
    expect(granted).toMatchObject({ outcome: 'granted', person: { personId: userId, name: 'Night Porter' } })
    expect(statusOf(granted)).toEqual([expect.objectContaining({ code: 'unlock_face', value: 7 })])

    await expect(tuya.request({ method: 'POST', path: TUYA_PATHS.lockDeleteMembers(lock.id, [userId]) })).resolves.toBe(
      true,
    )
    const refused = await trigger(lock.id, { kind: 'face_unlock', personId: userId })
    expect(refused).toMatchObject({ outcome: 'refused', reason: 'not_enrolled' })
    expect(statusOf(refused)).toEqual([expect.objectContaining({ code: 'alarm_lock', value: 'wrong_face' })])
    await expect(
      tuya.request({ method: 'DELETE', path: TUYA_PATHS.deviceUser(lock.id, userId) }),
    ).rejects.toMatchObject({ code: 1000 })
  })

  it('deletes a member with DELETE /v1.0/devices/{id}/users/{user_id} too', async () => {
    const { userId } = await tuya.createLockMember(lock.id, { nick_name: 'Cleaner' })
    await expect(tuya.request({ method: 'DELETE', path: TUYA_PATHS.deviceUser(lock.id, userId) })).resolves.toBe(true)
    expect((await get(`/_sim/persons/${userId}`)).devices).toEqual([])
  })

  it('a temporary password opens only inside its effective/invalid time and stops once revoked', async () => {
    const seconds = Math.floor(now / 1000)
    const { id } = await tuya.createTempPassword(lock.id, {
      name: 'Plumber',
      password: '7305512',
      effectiveTime: seconds + 3600,
      invalidTime: seconds + 7200,
    })
    const early = await trigger(lock.id, { kind: 'pin_unlock', pin: '7305512' })
    expect(early).toMatchObject({ outcome: 'refused', reason: 'outside_validity' })
    expect(statusOf(early)).toEqual([expect.objectContaining({ code: 'alarm_lock', value: 'wrong_password' })])

    now += 90 * 60_000
    const inside = await trigger(lock.id, { kind: 'pin_unlock', pin: '7305512' })
    expect(inside).toMatchObject({ outcome: 'granted', tempPasswordId: Number(id) })
    expect(statusOf(inside)).toEqual([expect.objectContaining({ code: 'unlock_temporary' })])
    expect((await get(`/_sim/devices/${lock.id}`)).tempPasswords).toContainEqual(
      expect.objectContaining({ id: Number(id), password: '7305512', state: 'usable' }),
    )

    now += HOUR
    expect(await trigger(lock.id, { kind: 'pin_unlock', pin: '7305512' })).toMatchObject({
      reason: 'outside_validity',
    })

    now -= HOUR
    await expect(tuya.deleteTempPassword(lock.id, id)).resolves.toBe(true)
    expect(await trigger(lock.id, { kind: 'pin_unlock', pin: '7305512' })).toMatchObject({ reason: 'not_enrolled' })
    await expect(tuya.deleteTempPassword(lock.id, id)).rejects.toMatchObject({ code: 1000 })
  })

  it('a single-use temporary password opens once; millisecond times are refused', async () => {
    const seconds = Math.floor(now / 1000)
    const input = { name: 'Courier', password: '4418820', effectiveTime: seconds - 60, invalidTime: seconds + 600 }
    await tuya.createTempPassword(lock.id, { ...input, type: 1 })
    expect(await trigger(lock.id, { kind: 'pin_unlock', pin: '4418820' })).toMatchObject({ outcome: 'granted' })
    expect(await trigger(lock.id, { kind: 'pin_unlock', pin: '4418820' })).toMatchObject({ reason: 'already_used' })
    await expect(
      tuya.createTempPassword(lock.id, { ...input, effectiveTime: now, invalidTime: now + 600_000 }),
    ).rejects.toMatchObject({ code: 1109 })
  })
})

describe('trigger input', () => {
  it('refuses ambiguous or mismatched actors and keeps the random and resident behaviour', async () => {
    expect((await trigger(panel.id, { kind: 'face_unlock', personId: 'x', residentId: 'y' })).status).toBe(422)
    expect((await trigger(panel.id, { kind: 'face_unlock', cardNo: '0A1B2C01' })).status).toBe(422)
    expect((await trigger(panel.id, { kind: 'doorbell', personId: 'x' })).status).toBe(409) // no face to recognise
    expect((await trigger(lock.id, { kind: 'doorbell', personId: 'x' })).status).toBe(422) // a lock recognises nobody
    expect((await trigger(panel.id, { kind: 'doorbell', cardNo: '0A1B2C01' })).status).toBe(422)
    expect((await trigger(panel.id, { kind: 'pin_unlock', pin: '12ab' })).status).toBe(400)
    expect((await trigger(panel.id, { kind: 'pin_unlock', personID: 'typo' })).status).toBe(400)

    const random = await trigger(panel.id, { kind: 'face_unlock' })
    expect(random).toMatchObject({ status: 200, outcome: 'granted', person: { personId: expect.any(String) } })
    const resident = await trigger(panel.id, { kind: 'card_unlock', residentId: 'res-bruno-costa' })
    expect(resident).toMatchObject({ outcome: 'granted', person: { name: 'Bruno Costa' } })
    expect((await trigger(panel.id, { kind: 'card_unlock', residentId: 'res-chen-wei' })).status).toBe(409)
    expect(sim.trigger(lock.id, 'face_unlock', 'res-dara-okafor')[0].payload).toMatchObject({
      status: [{ code: 'unlock_face', value: 3 }],
    })
  })
})

describe('a doorbell naming who rang', () => {
  const callRecord = (answer: TriggerAnswer) =>
    answer.messages
      .map((m) => m.payload as { bizCode?: string; bizData?: Record<string, unknown> })
      .find((p) => p.bizCode === 'callStatus')!.bizData!

  it('reports the person the station recognised, by resident or person id, with their face as the capture', async () => {
    const resident = DEMO_BUILDING.residents.find((r) => r.id === 'res-bruno-costa')!
    const byResident = await trigger(panel.id, { kind: 'doorbell', residentId: resident.id })
    expect(byResident.status).toBe(200)
    expect(callRecord(byResident)).toMatchObject({ status: 'calling', userId: resident.tuyaPersonId })
    expect(callRecord(byResident).imageUrl).toEqual(expect.any(String))
    await trigger(panel.id, { kind: 'call_missed' })
    const byPerson = await trigger(panel.id, { kind: 'doorbell', personId: resident.tuyaPersonId })
    expect(callRecord(byPerson)).toMatchObject({ status: 'calling', userId: resident.tuyaPersonId })
    await trigger(panel.id, { kind: 'call_missed' })
  })

  it('names nobody when the trigger names nobody, and refuses someone without a face on the device', async () => {
    const anonymous = await trigger(panel.id, { kind: 'doorbell' })
    expect(callRecord(anonymous)).not.toHaveProperty('userId')
    await trigger(panel.id, { kind: 'call_missed' })
    // Jonas is enrolled on the Block B panel only.
    expect((await trigger(panel.id, { kind: 'doorbell', residentId: 'res-jonas-berg' })).status).toBe(409)
  })
})
