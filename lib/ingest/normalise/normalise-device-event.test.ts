import { describe, expect, it } from 'vitest'
import { summariseItems } from '../fixtures/summarise-items'
import { normaliseMessage } from './normalise-message'

const receivedAt = new Date('2026-11-25T12:00:00.000Z')
const normalise = (payload: unknown) => normaliseMessage(payload, { receivedAt })

describe('protocol 20 bizCode events (docs/tuya-protocol.md §3.8)', () => {
  it.each([
    [{ devId: 'd-1', bizCode: 'online', bizData: { time: 1764000000000 } }, ['device online']],
    [
      { devId: 'd-1', bizCode: 'offline', bizData: { time: 1764000000000 } },
      ['device offline', 'alarm device_offline (offline)'],
    ],
    [{ devId: 'd-1', bizCode: 'nameUpdate', bizData: { devId: 'd-1', name: 'Lobby' } }, ['device renamed name=Lobby']],
    [{ devId: 'd-1', bizCode: 'delete', bizData: { devId: 'd-1', uid: 'u', ownerId: 'o' } }, ['device deleted']],
    [{ devId: 'd-1', bizCode: 'bindUser', bizData: { uid: 'u' } }, ['unknown bindUser']],
    [{ bizCode: 'deviceSignal', devId: 'd-1', reportData: [{ memory: 1, rssi: -60, t: 1 }] }, ['unknown deviceSignal']],
  ])('%j', (payload, items) => {
    const message = normalise(payload)
    expect(message).toMatchObject({ shape: 'device_event', deviceId: 'd-1', sourceMessageId: null })
    expect(summariseItems(message.items)).toEqual(items)
  })

  it('reads devId from bizData when it is not top-level (current HA code, §3.8)', () => {
    expect(normalise({ bizCode: 'online', bizData: { devId: 'inner' } }).deviceId).toBe('inner')
  })

  it('time: bizData.time, then ts, then receive time', () => {
    expect(
      normalise({ bizCode: 'online', ts: 1764000000000, bizData: { time: 1764000001000 } }).occurredAt.getTime(),
    ).toBe(1764000001000)
    expect(normalise({ bizCode: 'online', ts: 1764000000000, bizData: {} }).occurredAt.getTime()).toBe(1764000000000)
    expect(normalise({ bizCode: 'online', bizData: {} }).occurredAt).toEqual(receivedAt)
  })

  it('snake_case biz_code / biz_data / dev_id are accepted', () => {
    const message = normalise({ biz_code: 'offline', dev_id: 'd-9', biz_data: { time: 1764000000 } })
    expect(message).toMatchObject({ shape: 'device_event', deviceId: 'd-9' })
    expect(message.occurredAt.getTime()).toBe(1764000000000)
  })
})

describe('bizData as JSON text', () => {
  it('is parsed like an object', () => {
    const message = normaliseMessage(
      { bizCode: 'nameUpdate', devId: 'd-1', bizData: '{"name":"Gate","time":1764000000000}' },
      { receivedAt: new Date('2026-11-25T12:00:00.000Z') },
    )
    expect(summariseItems(message.items)).toEqual(['device renamed name=Gate'])
  })
})
