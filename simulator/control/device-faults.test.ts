// Failure modes a sync engine must survive, through the real signed OpenAPI: one device answering a Tuya error
// (injected per device, counted or until cleared) and an offline device refusing writes with 2001.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTuyaClient } from '@/lib/tuya/openapi/openapi-client'
import { DemoDriver } from '@/simulator/control/demo-driver'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

const [panel, otherPanel] = DEMO_BUILDING.devices.filter((d) => d.category === 'mk')
const lock = DEMO_BUILDING.devices.find((d) => d.category === 'jtmspro')!
let sim: RunningSimulator
let tuya: ReturnType<typeof createTuyaClient>

beforeAll(async () => {
  sim = await startSimulator({ port: 0 })
  tuya = createTuyaClient({
    baseUrl: sim.url,
    accessId: sim.accessId,
    accessSecret: sim.accessSecret,
    retry: { maxRetries: 0 },
  })
})
afterAll(() => sim.close())

const get = async (path: string) => (await fetch(`${sim.url}${path}`)).json()
const send = async (path: string, body: unknown, method = 'POST') => {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}
const person = { name: 'Fault Tester' }

describe('per-device fault injection', () => {
  it('makes one device answer the injected Tuya code on writes while others accept; clearing restores', async () => {
    const set = await send('/_sim/faults', { deviceErrors: [{ deviceId: panel.id, code: 2003 }] })
    expect(set.status).toBe(200)
    await expect(tuya.addPerson(panel.id, 'fault-p1', person)).rejects.toMatchObject({
      code: 2003,
      message: expect.stringContaining('function not support'),
    })
    await expect(tuya.addPerson(otherPanel.id, 'fault-p1', person)).resolves.toMatchObject({ sn: expect.any(String) })
    // Reads are untouched unless asked for.
    await expect(tuya.getDevice(panel.id)).resolves.toMatchObject({ id: panel.id })
    expect((await get(`/_sim/devices/${panel.id}`)).faults).toEqual([expect.objectContaining({ code: 2003 })])
    expect((await get('/_sim/faults')).deviceErrors).toHaveLength(1)

    expect((await send('/_sim/faults', { deviceErrors: [] })).status).toBe(200)
    await expect(tuya.addPerson(panel.id, 'fault-p1', person)).resolves.toMatchObject({ sn: expect.any(String) })
    expect((await get(`/_sim/devices/${panel.id}`)).faults).toEqual([])
  })

  it('counts down a counted fault, and can fail reads with a custom message', async () => {
    await send('/_sim/faults', {
      deviceErrors: [{ deviceId: lock.id, code: 1106, message: 'permission deny (injected)', count: 2, reads: true }],
    })
    await expect(tuya.getDevice(lock.id)).rejects.toMatchObject({
      code: 1106,
      message: expect.stringContaining('injected'),
    })
    await expect(tuya.createLockMember(lock.id, { nick_name: 'X' })).rejects.toMatchObject({ code: 1106 })
    await expect(tuya.getDevice(lock.id)).resolves.toMatchObject({ id: lock.id })
    expect((await get('/_sim/faults')).deviceErrors).toEqual([])
  })

  it('is cleared by DELETE /_sim/faults and validates its input', async () => {
    await send('/_sim/faults', { deviceErrors: [{ deviceId: panel.id, code: 500 }] })
    await send('/_sim/faults', {}, 'DELETE')
    await expect(tuya.addPerson(panel.id, 'fault-p2', person)).resolves.toMatchObject({ sn: expect.any(String) })
    for (const bad of [
      { deviceErrors: [{ deviceId: 'no-such-device', code: 2001 }] },
      { deviceErrors: [{ deviceId: panel.id, code: 'x' }] },
      { deviceErrors: [{ deviceId: panel.id, code: 2001, count: 0 }] },
      { deviceErrors: [{ deviceId: panel.id, code: 2001, surprise: true }] },
      { deviceErrors: { deviceId: panel.id, code: 2001 } },
    ]) {
      expect((await send('/_sim/faults', bad)).status).toBe(400)
    }
    // A refused call changes nothing.
    expect((await get('/_sim/faults')).deviceErrors).toEqual([])
  })
})

describe('offline devices refuse writes', () => {
  it('answers 2001 to writes while offline and accepts them again once online; reads still work', async () => {
    expect((await send(`/_sim/devices/${panel.id}/trigger`, { kind: 'offline' })).status).toBe(200)
    expect((await send(`/_sim/devices/${lock.id}/trigger`, { kind: 'offline' })).status).toBe(200)

    await expect(tuya.addPerson(panel.id, 'offline-p', person)).rejects.toMatchObject({ code: 2001 })
    await expect(tuya.addCard(panel.id, 'fault-p1', 'FA017001')).rejects.toMatchObject({ code: 2001 })
    await expect(tuya.deletePerson(panel.id, 'fault-p1')).rejects.toMatchObject({ code: 2001 })
    await expect(tuya.createLockMember(lock.id, { nick_name: 'Offline' })).rejects.toMatchObject({ code: 2001 })
    const seconds = Math.floor(Date.now() / 1000)
    await expect(
      tuya.createTempPassword(lock.id, {
        name: 'Offline',
        password: '5550123',
        effectiveTime: seconds,
        invalidTime: seconds + 600,
      }),
    ).rejects.toMatchObject({ code: 2001 })
    await expect(tuya.getDevice(panel.id)).resolves.toMatchObject({ online: false })
    expect((await get(`/_sim/devices/${panel.id}`)).persons).not.toContainEqual(
      expect.objectContaining({ personId: 'offline-p' }),
    )

    // The demo traffic keeps flowing around offline devices.
    const errors: string[] = []
    const demo = new DemoDriver(sim.context, (message) => errors.push(message))
    const before = sim.deliveries().length
    const emitted = Array.from({ length: 60 }, () => demo.emitOne()).filter(Boolean).length
    expect(emitted).toBe(60)
    const devIds = new Set(
      sim
        .deliveries()
        .slice(before)
        .map((m) => m.devId),
    )
    expect(devIds.has(panel.id) || devIds.has(lock.id)).toBe(false)
    expect(errors).toEqual([])

    await send(`/_sim/devices/${panel.id}/trigger`, { kind: 'online' })
    await send(`/_sim/devices/${lock.id}/trigger`, { kind: 'online' })
    await expect(tuya.addPerson(panel.id, 'offline-p', person)).resolves.toMatchObject({ sn: expect.any(String) })
    await expect(tuya.createLockMember(lock.id, { nick_name: 'Online' })).resolves.toMatchObject({
      userId: expect.any(String),
    })
  })
})
