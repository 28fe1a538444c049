// The message service as Tuya's consumers see it: auth, frames, encryption, acks, redelivery, failover.
import { afterEach, describe, expect, it } from 'vitest'
import { decryptMessageData } from '@/lib/tuya/message-service/message-crypto'
import { createMessageConsumer } from '@/lib/tuya/message-service/mq-consumer'
import type { DecodedMessage } from '@/lib/tuya/message-service/mq-frames'
import { DEMO_BUILDING } from '@/simulator/demo-building'
import { type RunningSimulator, type StartSimulatorOptions, startSimulator } from '@/simulator/start-simulator'
import { type RawFrame, connectRawConsumer, waitFor } from '@/simulator/testing/raw-consumer'

const panel = DEMO_BUILDING.devices.find((d) => d.category === 'mk')!
const running: RunningSimulator[] = []
const cleanups: (() => Promise<void>)[] = []

async function start(options: StartSimulatorOptions = {}) {
  const sim = await startSimulator({ port: 0, ...options })
  running.push(sim)
  return sim
}
const raw = (sim: RunningSimulator, extra: { env?: 'event' | 'event-test'; query?: string; password?: string } = {}) =>
  connectRawConsumer({ mqUrl: sim.mqUrl, accessId: sim.accessId, accessSecret: sim.accessSecret, ...extra })

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
  for (const sim of running.splice(0)) await sim.close()
})

function decodeFrame(frame: RawFrame, secret: string) {
  const envelope = JSON.parse(Buffer.from(frame.payload, 'base64').toString('utf8')) as {
    data: string
    protocol: number
    pv: string
    t: number
    sign: string
  }
  return {
    envelope,
    payload: JSON.parse(decryptMessageData(envelope.data, secret, { em: frame.properties.em })) as Record<
      string,
      unknown
    >,
  }
}

function emitCards(sim: RunningSimulator, n: number): string[] {
  return Array.from({ length: n }, () => sim.trigger(panel.id, 'card_unlock')[0].messageId)
}

describe('message service', () => {
  it('refuses a bad password and a foreign Access ID at the upgrade with 401, like Pulsar', async () => {
    const sim = await start()
    await expect(raw(sim, { password: '0000000000000000' })).rejects.toThrow('HTTP 401')
    await expect(
      connectRawConsumer({ mqUrl: sim.mqUrl, accessId: 'someoneelse123456789', accessSecret: sim.accessSecret }),
    ).rejects.toThrow('HTTP 401')
  })

  it('delivers Pulsar frames with an ECB envelope, and the project consumer decrypts and acks them', async () => {
    const sim = await start()
    const received: DecodedMessage[] = []
    const consumer = createMessageConsumer({
      wsBaseUrl: sim.mqUrl,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      env: 'event',
      onMessage: async (m) => void received.push(m),
    })
    consumer.start()
    cleanups.push(() => consumer.stop())
    const [emitted] = sim.trigger(panel.id, 'face_unlock', 'res-alice-martin')
    await waitFor(() => sim.deliveries().every((m) => m.mq === 'acked'), 5_000, 'ack')
    expect(received).toHaveLength(1)
    expect(received[0].payload).toMatchObject({
      bizCode: 'accessRecord',
      bizData: { way: 4, userId: 'hvp0001alice', success: true },
    })
    expect(received[0].key).toBe(panel.id)
    expect(received[0].messageId).toBe(emitted.messageId)
  })

  it('encrypts with AES-GCM when the project says so (em = aes_gcm, encryptVersion v2)', async () => {
    const sim = await start({ mqEncryption: 'gcm' })
    const client = await raw(sim)
    cleanups.push(() => client.close())
    sim.trigger(panel.id, 'doorbell')
    await waitFor(() => client.frames.length === 2)
    const frame = client.frames[1]
    expect(frame.properties.em).toBe('aes_gcm')
    const { envelope, payload } = decodeFrame(frame, sim.accessSecret)
    expect(envelope).toMatchObject({ protocol: 20, pv: '2.0', encryptVersion: 'v2' })
    expect(envelope.sign).toMatch(/^[0-9a-f]{32}$/)
    expect(payload).toMatchObject({ bizCode: 'callStatus', bizData: { status: 'calling' } })
  })

  it('the project consumer decrypts GCM messages too', async () => {
    const sim = await start({ mqEncryption: 'gcm' })
    const received: DecodedMessage[] = []
    const consumer = createMessageConsumer({
      wsBaseUrl: sim.mqUrl,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      env: 'event',
      onMessage: async (m) => void received.push(m),
    })
    consumer.start()
    cleanups.push(() => consumer.stop())
    sim.trigger(panel.id, 'pin_unlock', 'res-alice-martin')
    await waitFor(() => sim.deliveries().every((m) => m.mq === 'acked'), 5_000, 'ack')
    expect(received[0].properties.em).toBe('aes_gcm')
    expect(received[0].payload).toMatchObject({
      bizCode: 'accessRecord',
      bizData: { way: 2, userName: 'Alice Martin' },
    })
  })

  it('loses nothing when a consumer is killed mid-stream: unacked messages go to the next consumer', async () => {
    const sim = await start()
    const first = await raw(sim)
    const ids = emitCards(sim, 40)
    await waitFor(() => first.frames.length === 40)
    for (const frame of first.frames.slice(0, 15)) first.ack(frame.messageId)
    await waitFor(() => sim.deliveries().filter((m) => m.mq === 'acked').length === 15)
    first.kill()

    const seen: string[] = []
    const consumer = createMessageConsumer({
      wsBaseUrl: sim.mqUrl,
      accessId: sim.accessId,
      accessSecret: sim.accessSecret,
      env: 'event',
      onMessage: async (m) => void seen.push(m.messageId),
    })
    consumer.start()
    cleanups.push(() => consumer.stop())
    await waitFor(() => sim.deliveries().every((m) => m.mq === 'acked'), 5_000, 'all acked')
    expect(new Set([...first.frames.slice(0, 15).map((f) => f.messageId), ...seen])).toEqual(new Set(ids))
    expect(seen).toEqual(ids.slice(15))
  })

  it('has one active consumer per subscription; the standby takes over when it leaves (Failover)', async () => {
    const sim = await start()
    const active = await raw(sim)
    const standby = await raw(sim)
    cleanups.push(() => standby.close())
    const ids = emitCards(sim, 5)
    await waitFor(() => active.frames.length === 5)
    expect(standby.frames).toHaveLength(0)
    active.ack(ids[0])
    await active.close()
    await waitFor(() => standby.frames.length === 4)
    expect(standby.frames.map((f) => f.messageId)).toEqual(ids.slice(1))
  })

  it('redelivers an unacked message after ackTimeoutMillis while the consumer stays connected', async () => {
    const sim = await start()
    const client = await raw(sim, { query: 'ackTimeoutMillis=150' })
    cleanups.push(() => client.close())
    const [id] = emitCards(sim, 1)
    await waitFor(() => client.frames.length >= 2, 5_000, 'redelivery')
    expect(client.frames[0].messageId).toBe(id)
    expect(client.frames[1]).toMatchObject({ messageId: id, redeliveryCount: 1 })
    client.ack(id)
    await waitFor(() => sim.deliveries()[0].mq === 'acked')
  })

  it('redelivers a negatively acknowledged message after the nack delay', async () => {
    const sim = await start()
    const client = await raw(sim, { query: 'negativeAckRedeliveryDelay=50' })
    cleanups.push(() => client.close())
    const [id] = emitCards(sim, 1)
    await waitFor(() => client.frames.length === 1)
    client.nack(id)
    await waitFor(() => client.frames.length === 2, 5_000, 'redelivery after nack')
    expect(client.frames[1].messageId).toBe(id)
  })

  it('keeps event and event-test as separate queues', async () => {
    const sim = await start()
    const prod = await raw(sim)
    const test = await raw(sim, { env: 'event-test' })
    cleanups.push(
      () => prod.close(),
      () => test.close(),
    )
    sim.emit({ payload: { devId: panel.id, dataId: 'X1', status: [] }, env: 'event-test' })
    sim.trigger(panel.id, 'tamper')
    await waitFor(() => prod.frames.length === 1 && test.frames.length === 1)
    expect(decodeFrame(test.frames[0], sim.accessSecret).payload).toMatchObject({ dataId: 'X1' })
    expect(decodeFrame(prod.frames[0], sim.accessSecret).payload).toMatchObject({ bizCode: 'accessAlarm' })
  })

  it('drops unconsumed messages after the retention period', async () => {
    let now = Date.now()
    const sim = await start({ clock: { now: () => now }, retentionMs: 2 * 3600_000 })
    emitCards(sim, 3)
    now += 2 * 3600_000 + 1
    await waitFor(() => sim.deliveries().every((m) => m.mq === 'expired'), 5_000, 'expiry')
    const client = await raw(sim)
    cleanups.push(() => client.close())
    sim.trigger(panel.id, 'tamper')
    await waitFor(() => client.frames.length === 1)
    expect(decodeFrame(client.frames[0], sim.accessSecret).payload).toMatchObject({ bizCode: 'accessAlarm' })
  })
})
