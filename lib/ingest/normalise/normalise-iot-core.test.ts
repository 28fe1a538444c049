import { describe, expect, it } from 'vitest'
import { imagePointerBase64, iotCoreOnline } from '../fixtures/reference-payloads'
import { summariseItems } from '../fixtures/summarise-items'
import { normaliseMessage } from './normalise-message'

const receivedAt = new Date('2026-11-25T12:00:00.000Z')
const normalise = (payload: unknown) => normaliseMessage(payload, { receivedAt })

function propertyMessage(bizCode: string, properties: unknown[]) {
  return { bizCode, bizData: { dataId: 'd-42', devId: 'lock-1', productId: 'p', properties }, ts: 1764000000999 }
}

describe('IoT Core 1000 (docs/tuya-protocol.md §3.8)', () => {
  it('devicePropertyMessage maps properties[] like protocol 4 status codes', () => {
    const message = normalise(
      propertyMessage('devicePropertyMessage', [
        { code: 'unlock_card', dpId: 5, time: 1764000000100, value: 8 },
        { code: 'alarm_lock', dpId: 8, time: 1764000000200, value: 'pry' },
        { code: 'doorbell_pic', dpId: 154, time: 1764000000200, value: imagePointerBase64 },
      ]),
    )
    expect(message).toMatchObject({ shape: 'iot_core', sourceMessageId: 'd-42', deviceId: 'lock-1' })
    expect(message.occurredAt.getTime()).toBe(1764000000100)
    expect(summariseItems(message.items)).toEqual([
      'access card granted slot=8 +snapshot',
      'alarm tamper (alarm_lock: pry) +snapshot',
    ])
  })

  it('deviceQueryPropertyMessage is current state: every value is a property, no access event', () => {
    const message = normalise(propertyMessage('deviceQueryPropertyMessage', [{ code: 'unlock_face', value: 3 }]))
    expect(summariseItems(message.items)).toEqual(['device property unlock_face=3'])
  })

  it('deviceEventMessage maps its eventCode', () => {
    const message = normalise({
      bizCode: 'deviceEventMessage',
      bizData: { devId: 'ipc-1', eventCode: 'doorbell', outputParams: { ts: 1 }, time: 1764000000000 },
    })
    expect(summariseItems(message.items)).toEqual(['call ring'])
    expect(message.occurredAt.getTime()).toBe(1764000000000)
  })

  it('deviceEventMessage without eventCode is kept', () => {
    expect(summariseItems(normalise({ bizCode: 'deviceEventMessage', bizData: {} }).items)).toEqual([
      'unknown deviceEventMessage',
    ])
  })

  it('malformed properties are kept as unknown', () => {
    const message = normalise(propertyMessage('devicePropertyMessage', [{ dpId: 1, value: true }]))
    expect(summariseItems(message.items)).toEqual(['unknown (no code)'])
  })
})

describe('IoT Core 1001', () => {
  it('deviceOnline / deviceOffline / deviceNameUpdate', () => {
    expect(summariseItems(normalise(iotCoreOnline).items)).toEqual(['device online'])
    const offline = { bizCode: 'deviceOffline', bizData: { devId: 'd-1', time: 1764000000000 }, ts: 1764000000100 }
    expect(summariseItems(normalise(offline).items)).toEqual(['device offline', 'alarm device_offline (deviceOffline)'])
    const rename = {
      bizCode: 'deviceNameUpdate',
      bizData: { devId: 'd-1', productId: 'p', uid: 'u', name: 'Front gate', uuid: 'x' },
      ts: 1764000000100,
    }
    const message = normalise(rename)
    expect(message).toMatchObject({ shape: 'iot_core', deviceId: 'd-1', sourceMessageId: null })
    expect(summariseItems(message.items)).toEqual(['device renamed name=Front gate'])
    expect(message.occurredAt.getTime()).toBe(1764000000100)
  })

  it('other management bizCodes are kept as unknown', () => {
    expect(summariseItems(normalise({ bizCode: 'deviceFreeze', bizData: { devId: 'd-1' } }).items)).toEqual([
      'unknown deviceFreeze',
    ])
  })
})
