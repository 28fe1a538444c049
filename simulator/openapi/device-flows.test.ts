// Business flows through the OpenAPI: remote unlock with a ticket, face enrolment by URL, and backfill logs that
// carry the same ids as the messages the devices emitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAllowedHosts, originAsAllowedHost } from '@/lib/snapshots/allowed-hosts'
import { TUYA_PATHS } from '@/lib/tuya/openapi/endpoints'
import { decryptStoredImage } from '@/lib/tuya/media/image-crypto'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { parseImageReference } from '@/lib/tuya/media/openapi-media'
import { decryptTicketKey } from '@/lib/tuya/openapi/ticket-crypto'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const lock = DEMO_BUILDING.devices.find((d) => d.category === 'jtmspro')!
const panel = DEMO_BUILDING.devices.find((d) => d.category === 'mk')!
const station = DEMO_BUILDING.devices.find((d) => d.category === 'sp')!
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
    // The simulator plays Tuya's media host too (demo mode allows its origin the same way).
    mediaPolicy: { allowedHosts: createAllowedHosts([originAsAllowedHost(sim.url)]) },
  })
})
afterAll(() => sim.close())

const deviceState = async (id: string) => (await fetch(`${sim.url}/_sim/devices/${id}`)).json()

describe('remote unlock (password ticket → password-free door-operate)', () => {
  it('opens the door once per ticket, records the command and emits unlock_app', async () => {
    const ticket = (await tuya.request({ method: 'POST', path: TUYA_PATHS.passwordTicket(lock.id) })) as {
      ticket_id: string
      ticket_key: string
      expire_time: number
    }
    expect(ticket.expire_time).toBe(360)
    expect(decryptTicketKey(ticket.ticket_key, sim.accessSecret)).toHaveLength(16)
    const operate = () =>
      tuya.request({
        method: 'POST',
        path: TUYA_PATHS.passwordFreeDoorOperate(lock.id),
        body: { ticket_id: ticket.ticket_id, open: true },
      })
    await expect(operate()).resolves.toBe(true)
    await expect(operate()).rejects.toMatchObject({ code: 1109 })

    const state = await deviceState(lock.id)
    expect(state.unlockCommands).toHaveLength(1)
    expect(state.unlockCommands[0]).toMatchObject({
      via: 'password-free-door-operate',
      open: true,
      ticketId: ticket.ticket_id,
    })
    const message = sim.deliveries().find((m) => m.messageId === state.unlockCommands[0].messageId)!
    expect(message.payload).toMatchObject({ devId: lock.id, status: [{ code: 'unlock_app', '15': '0' }] })
  })

  it('refuses an expired ticket', async () => {
    const ticket = (await tuya.request({ method: 'POST', path: TUYA_PATHS.passwordTicket(panel.id) })) as {
      ticket_id: string
    }
    now += 361_000
    await expect(
      tuya.request({
        method: 'POST',
        path: TUYA_PATHS.passwordFreeDoorOperate(panel.id),
        body: { ticket_id: ticket.ticket_id, open: true },
      }),
    ).rejects.toMatchObject({ code: 1109 })
  })

  it('the project client remoteUnlock works end to end on an access panel (way 9 record)', async () => {
    await expect(tuya.remoteUnlock(panel.id)).resolves.toMatchObject({ accepted: true })
    const last = sim.deliveries().at(-1)!
    expect(last.payload).toMatchObject({ bizCode: 'accessRecord', bizData: { way: 9, success: true } })
  })
})

describe('persons, faces, cards, PINs on an access-control device', () => {
  it('enrols a face from a URL the cloud downloads and checks', async () => {
    const personId = 'app-person-42'
    await expect(
      tuya.addPerson(panel.id, personId, { name: 'Kim Novak', begin_time: now, end_time: now + 86_400_000 }),
    ).resolves.toMatchObject({ sn: expect.any(String) })
    const portrait = `${sim.url}/_sim/enrolment/res-alice-martin.jpg`
    await expect(tuya.addFace(panel.id, personId, 'face-1', portrait)).resolves.toMatchObject({
      sn: expect.any(String),
    })
    await expect(tuya.addFace(panel.id, personId, 'face-2', `${sim.url}/_sim/devices`)).rejects.toMatchObject({
      code: 1109,
    })
    await tuya.addCard(panel.id, personId, 'C0FFEE01')
    await tuya.addPassword(panel.id, personId, '135790')
    const state = await deviceState(panel.id)
    expect(state.persons).toContainEqual(expect.objectContaining({ personId, name: 'Kim Novak' }))
    expect(state.faces).toContainEqual(expect.objectContaining({ personId, faceId: 'face-1', url: portrait }))
    expect(state.cards).toContainEqual(expect.objectContaining({ personId, cardNo: 'C0FFEE01' }))
    expect(state.pins).toContainEqual(expect.objectContaining({ personId, pin: '135790' }))

    const [record] = sim.trigger(panel.id, 'face_unlock', personId)
    expect(record.payload).toMatchObject({ bizData: { userId: personId, userName: 'Kim Novak', way: 4 } })
    await tuya.deletePerson(panel.id, personId)
    expect((await deviceState(panel.id)).faces).not.toContainEqual(expect.objectContaining({ personId }))
  })
})

describe('backfill logs carry the ids of the emitted messages', () => {
  it('access-control logs list every access record with its recordId', async () => {
    now += 1000
    const since = now
    const ids = [...sim.trigger(panel.id, 'card_unlock'), ...sim.trigger(panel.id, 'unlock_failed')].map(
      (m) => m.sourceId,
    )
    const page = await tuya.listAccessControlLogs({
      deviceIds: [panel.id],
      startTime: since,
      endTime: now + 1,
      exportFaceImage: true,
    })
    expect(page.items.map((i) => i.record_id)).toEqual([...ids].reverse())
    expect(page.items[0]).toMatchObject({ access_type: 'face', device_id: panel.id })
    const image = await fetch(page.items[0].image_capture!)
    expect(image.headers.get('content-type')).toBe('image/jpeg')
  })

  it('lock records and open logs use the dataId as record_id, with an encrypted capture', async () => {
    now += 1000
    const since = now
    const [message] = sim.trigger(lock.id, 'face_unlock', 'res-dara-okafor')
    expect(message.payload).toMatchObject({ status: [{ code: 'unlock_face', value: 3, '6': '3' }] })
    const records = await tuya.listLockRecords({ deviceId: lock.id, startTime: since, endTime: now + 1 })
    expect(records.items[0]).toMatchObject({
      record_id: message.sourceId,
      user_name: 'Dara Okafor',
      dps: [{ unlock_face: 3 }],
    })
    const media = records.items[0].media_info_list![0]
    const fetched = await tuya.fetchStoredImage({ url: media.file_url!, key: media.file_key })
    expect(fetched).toMatchObject({ wasEncrypted: true, contentType: 'image/jpeg' })
    const logs = await tuya.listLockOpenLogs({ deviceId: lock.id, startTime: since, endTime: now + 1 })
    expect(logs.items[0]).toMatchObject({
      record_id: message.sourceId,
      status: { code: 'unlock_face', value: '3' },
      nick_name: 'Dara Okafor',
    })
  })

  it('door station pictures are Tuya file pointers resolved through movement-configs, decrypted to a JPEG', async () => {
    const [ring] = sim.trigger(station.id, 'doorbell')
    const status = (ring.payload as { status: { code: string; value: string }[] }).status
    const [ref] = parseImageReference(status.find((s) => s.code === 'doorbell_pic')!.value)
    const resolved = await tuya.resolveStoredImage(station.id, ref)
    expect(resolved.wasEncrypted).toBe(true)
    expect(resolved.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    const encrypted = Buffer.from(await (await fetch(resolved.signedUrl)).arrayBuffer())
    expect(decryptStoredImage(encrypted, ref.key)).toEqual(resolved.bytes)
  })

  it('signed media URLs stop working after they expire (403)', async () => {
    const [record] = sim.trigger(panel.id, 'face_unlock')
    const url = (record.payload as { bizData: { imageUrl: string } }).bizData.imageUrl
    expect((await fetch(url)).status).toBe(200)
    now += 601_000
    expect((await fetch(url)).status).toBe(403)
    expect((await fetch(url.replace(/sig=[0-9a-f]+/, 'sig=00'))).status).toBe(403)
  })
})
