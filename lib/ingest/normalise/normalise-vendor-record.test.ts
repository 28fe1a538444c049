import { describe, expect, it } from 'vitest'
import { summariseItems } from '../fixtures/summarise-items'
import { vendorAccess, vendorAccessCamel, vendorAlarm, vendorCall } from '../fixtures/vendor-payloads'
import { normaliseMessage } from './normalise-message'

const receivedAt = new Date('2026-11-25T12:00:00.000Z')
const normalise = (payload: unknown) => normaliseMessage(payload, { receivedAt })

describe('vendor accessRecord (docs/tuya-devices.md §2.11, §2.1)', () => {
  it.each([
    [1, 'card'],
    [2, 'password'],
    [4, 'face'],
    [9, 'remote'],
    ['4', 'face'],
    [3, 'other'],
    [99, 'other'],
    ['qr_code', 'qr_code'],
    ['Fingerprint', 'fingerprint'],
    ['palm', 'other'],
    [null, 'other'],
  ])('way %j → %s', (way, method) => {
    const [item] = normalise(vendorAccess(way)).items
    expect(item).toMatchObject({ kind: 'access', method })
  })

  it('an unmapped way keeps the raw record so the number is not lost', () => {
    const [item] = normalise(vendorAccess(7)).items
    expect(item.raw).toMatchObject({ way: 7 })
  })

  it.each([
    [true, 'granted'],
    [false, 'denied'],
    ['true', 'granted'],
    ['false', 'denied'],
    [1, 'granted'],
    [0, 'denied'],
    ['0', 'denied'],
  ])('success %j → %s', (success, result) => {
    expect(normalise(vendorAccess(4, success)).items[0]).toMatchObject({ result })
  })

  it('without success, a result word decides; with neither the record is a granted opening', () => {
    const payload = vendorAccess(4)
    const withResult = { ...payload, bizData: { ...payload.bizData, success: undefined, result: 'FAILED' } }
    expect(normalise(withResult).items[0]).toMatchObject({ result: 'denied' })
    const bare = { ...payload, bizData: { ...payload.bizData, success: undefined } }
    expect(normalise(bare).items[0]).toMatchObject({ result: 'granted' })
  })

  it('carries user id, user name and the capture URL', () => {
    expect(normalise(vendorAccessCamel).items[0]).toMatchObject({
      externalUserId: 'u-1',
      externalUserName: 'Alice',
      snapshot: { type: 'url', url: 'https://cdn.example/capture.jpg' },
      sourceCode: 'accessRecord',
    })
  })

  it('imageId alone becomes a stored-file reference', () => {
    const { imageUrl: _url, ...bizData } = vendorAccessCamel.bizData
    expect(normalise({ ...vendorAccessCamel, bizData }).items[0]).toMatchObject({
      snapshot: { type: 'tuya_file', path: 'img-1' },
    })
  })

  it('device id may sit in bizData; fields may sit top-level without bizData', () => {
    const flat = { bizCode: 'accessRecord', devId: 'vdev-2', recordId: 'r-2', way: 1, success: true, time: 1764100000 }
    const message = normalise(flat)
    expect(message).toMatchObject({ shape: 'vendor_access', deviceId: 'vdev-2', sourceMessageId: 'r-2' })
    expect(summariseItems(message.items)).toEqual(['access card granted'])
    const nested = { bizCode: 'accessRecord', bizData: { devId: 'vdev-3', recordId: 'r-3', way: 2, success: false } }
    expect(normalise(nested)).toMatchObject({ deviceId: 'vdev-3' })
  })

  it('a camelCase key wins over its snake_case twin', () => {
    const payload = { bizCode: 'accessRecord', devId: 'camel', dev_id: 'snake', bizData: { recordId: 'r', way: 4 } }
    expect(normalise(payload).deviceId).toBe('camel')
  })
})

describe('vendor callStatus', () => {
  it.each([
    ['calling', 'ring'],
    ['answered', 'answered'],
    ['hangup', 'hangup'],
    ['missed', 'missed'],
    ['timeout', 'missed'],
    ['rejected', 'declined'],
    ['cancelled', 'cancelled'],
    ['canceled', 'cancelled'],
    ['HANGUP', 'hangup'],
    ['door_opened', 'door_opened'],
  ])('status %s → %s', (status, signal) => {
    const message = normalise(vendorCall(status))
    expect(message.shape).toBe('vendor_call')
    expect(message.items[0]).toMatchObject({ kind: 'call', signal, callRef: 'c-1' })
  })

  it('source id is callId + status, so each step of one call is stored once', () => {
    expect(normalise(vendorCall('calling')).sourceMessageId).toBe('c-1:calling')
    expect(normalise(vendorCall('answered')).sourceMessageId).toBe('c-1:answered')
  })

  it('an unknown status is kept as unknown', () => {
    const message = normalise(vendorCall('on_hold'))
    expect(summariseItems(message.items)).toEqual(['unknown callStatus:on_hold'])
    expect(message.sourceMessageId).toBe('c-1:on_hold')
  })

  it('names the caller the station recognised by person id only (userId, or personId), never by a name', () => {
    const byUser = normalise({
      bizCode: 'callStatus',
      devId: 'd',
      bizData: { callId: 'c-9', status: 'calling', userId: 'p-7' },
    })
    expect(summariseItems(byUser.items)).toEqual(['call ring ref=c-9 user=p-7'])
    const byPerson = normalise({
      bizCode: 'callStatus',
      devId: 'd',
      bizData: { call_id: 'c-9', status: 'calling', person_id: 42 },
    })
    expect(byPerson.items[0]).toMatchObject({ kind: 'call', externalUserId: '42' })
    const nameOnly = normalise({
      bizCode: 'callStatus',
      devId: 'd',
      bizData: { callId: 'c-9', status: 'calling', userName: 'Alice', userId: '  ' },
    })
    expect(nameOnly.items[0]).not.toHaveProperty('externalUserId')
    expect(normalise(vendorCall('calling')).items[0]).not.toHaveProperty('externalUserId')
  })

  it('without a callId there is no source id and no call ref', () => {
    const message = normalise({ bizCode: 'callStatus', devId: 'd', bizData: { status: 'calling' } })
    expect(message.sourceMessageId).toBeNull()
    expect(message.items[0]).not.toHaveProperty('callRef')
  })
})

describe('vendor accessAlarm', () => {
  it.each([
    ['tamper', 'tamper'],
    ['loitering', 'loitering'],
    ['multiple_failures', 'repeated_failures'],
    ['duress', 'duress'],
    ['low_battery', 'low_battery'],
    ['pry', 'tamper'],
    ['wrong_face', 'repeated_failures'],
    ['fire', 'other'],
  ])('type %s → %s', (type, alarmType) => {
    const message = normalise(vendorAlarm(type))
    expect(message.items[0]).toMatchObject({ kind: 'alarm', type: alarmType, detail: type, sourceCode: 'accessAlarm' })
    expect(message.sourceMessageId).toBe('a-1')
  })
})
