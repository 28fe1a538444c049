import { describe, expect, it } from 'vitest'
import * as ref from '../fixtures/reference-payloads'
import { summariseItems } from '../fixtures/summarise-items'
import * as vendor from '../fixtures/vendor-payloads'
import { normaliseMessage } from './normalise-message'
import type { MessageShape } from './normalised'

const receivedAt = new Date('2026-11-25T12:00:00.000Z')
const normalise = (payload: unknown) => normaliseMessage(payload, { receivedAt })

type Row = {
  name: string
  payload: unknown
  shape: MessageShape
  sourceMessageId: string | null
  deviceId: string | null
  occurredAt: string
  items: string[]
}

// Every example payload of docs/tuya-protocol.md (P) §3.5–§3.9, docs/tuya-devices.md (A) §4.4, and the vendor records.
const table: Row[] = [
  {
    name: 'P §3.8 protocol 4 real sample: unmapped code kept as unknown',
    payload: ref.protocol4Humidity,
    shape: 'status_report',
    sourceMessageId: '0006426EB5731E8B7DA5A0BF68071196',
    deviceId: 'ebc778f3c5d99…',
    occurredAt: '2025-10-31T06:45:18.322Z',
    items: ['unknown humidity_current'],
  },
  {
    name: 'P §3.6 ECB vector plaintext',
    payload: ref.ecbVectorPlaintext,
    shape: 'status_report',
    sourceMessageId: 'dataIddataIddataIddataId',
    deviceId: 'devIddevIddevIddevIddevId',
    occurredAt: '2021-05-31T08:31:05.296Z',
    items: ['unknown code'],
  },
  {
    name: 'P §3.6 envelope wrapping the already-decrypted ECB plaintext',
    payload: { ...ref.ecbVectorEnvelope, data: ref.ecbVectorPlaintext },
    shape: 'status_report',
    sourceMessageId: 'dataIddataIddataIddataId',
    deviceId: 'devIddevIddevIddevIddevId',
    occurredAt: '2021-05-31T08:31:05.296Z',
    items: ['unknown code'],
  },
  {
    name: 'P §3.6 envelope whose data is the decrypted JSON text',
    payload: { ...ref.ecbVectorEnvelope, data: JSON.stringify(ref.ecbVectorPlaintext) },
    shape: 'status_report',
    sourceMessageId: 'dataIddataIddataIddataId',
    deviceId: 'devIddevIddevIddevIddevId',
    occurredAt: '2021-05-31T08:31:05.296Z',
    items: ['unknown code'],
  },
  {
    name: 'P §3.8 protocol 20 online: implausible 12-digit time falls back to receive time',
    payload: ref.protocol20Online,
    shape: 'device_event',
    sourceMessageId: null,
    deviceId: '002dj00118fe34d9****',
    occurredAt: receivedAt.toISOString(),
    items: ['device online'],
  },
  {
    name: 'P §3.8 protocol 20 online inside an envelope: falls back to the envelope time',
    payload: { protocol: 20, pv: '2.0', t: 1764000000000, data: ref.protocol20Online },
    shape: 'device_event',
    sourceMessageId: null,
    deviceId: '002dj00118fe34d9****',
    occurredAt: '2025-11-24T16:00:00.000Z',
    items: ['device online'],
  },
  {
    name: 'P §3.8 IoT Core 1000 property report',
    payload: ref.iotCoreProperty,
    shape: 'iot_core',
    sourceMessageId: '…',
    deviceId: '…',
    occurredAt: '2026-09-21T14:13:20.123Z',
    items: ['unknown switch_1'],
  },
  {
    name: 'P §3.8 IoT Core 1001 deviceOnline',
    payload: ref.iotCoreOnline,
    shape: 'iot_core',
    sourceMessageId: null,
    deviceId: 'eb0410854…rvtr',
    occurredAt: '2025-11-09T01:21:09.796Z',
    items: ['device online'],
  },
  {
    name: 'P §3.9 open-hub plaintext: `t` as a string of seconds',
    payload: ref.openHubColour,
    shape: 'status_report',
    sourceMessageId: '1fdba76e-29f9-46ef-b6e4-2cc3ef60d134',
    deviceId: 'bf3122fba025738ffc9pqa',
    occurredAt: '2021-11-10T18:17:52.000Z',
    items: ['unknown colour_data'],
  },
  {
    name: 'A §4.4 protocol 4 lock report: face #3 opened the door',
    payload: ref.protocol4UnlockFace,
    shape: 'status_report',
    sourceMessageId: '…',
    deviceId: 'bf0a…',
    occurredAt: '2023-11-14T22:13:20.123Z',
    items: ['access face granted slot=3'],
  },
  {
    name: 'A §4.4 Smart Commercial decrypted body: bizCode + data',
    payload: { bizCode: 'offline', eventType: 'device', data: { devId: 'sc-1', time: 1764000000000 } },
    shape: 'device_event',
    sourceMessageId: null,
    deviceId: 'sc-1',
    occurredAt: '2025-11-24T16:00:00.000Z',
    items: ['device offline', 'alarm device_offline (offline)'],
  },
  {
    name: 'vendor accessRecord (camelCase, ms)',
    payload: vendor.vendorAccessCamel,
    shape: 'vendor_access',
    sourceMessageId: 'r-1',
    deviceId: 'vdev-1',
    occurredAt: '2025-11-25T19:46:40.000Z',
    items: ['access face granted user=u-1 +snapshot'],
  },
  {
    name: 'vendor accessRecord (snake_case, seconds, numeric strings)',
    payload: vendor.vendorAccessSnake,
    shape: 'vendor_access',
    sourceMessageId: 'r-1',
    deviceId: 'vdev-1',
    occurredAt: '2025-11-25T19:46:40.000Z',
    items: ['access face granted user=u-1 +snapshot'],
  },
  {
    name: 'vendor callStatus (camelCase)',
    payload: vendor.vendorCallCamel,
    shape: 'vendor_call',
    sourceMessageId: 'c-1:calling',
    deviceId: 'vdev-1',
    occurredAt: '2025-11-25T19:46:45.000Z',
    items: ['call ring ref=c-1 +snapshot'],
  },
  {
    name: 'vendor callStatus (snake_case, seconds)',
    payload: vendor.vendorCallSnake,
    shape: 'vendor_call',
    sourceMessageId: 'c-1:calling',
    deviceId: 'vdev-1',
    occurredAt: '2025-11-25T19:46:45.000Z',
    items: ['call ring ref=c-1 +snapshot'],
  },
  {
    name: 'vendor accessAlarm (camelCase)',
    payload: vendor.vendorAlarmCamel,
    shape: 'vendor_alarm',
    sourceMessageId: 'a-1',
    deviceId: 'vdev-1',
    occurredAt: '2025-11-25T19:46:50.000Z',
    items: ['alarm tamper (tamper) +snapshot'],
  },
  {
    name: 'vendor accessAlarm (snake_case, seconds)',
    payload: vendor.vendorAlarmSnake,
    shape: 'vendor_alarm',
    sourceMessageId: 'a-1',
    deviceId: 'vdev-1',
    occurredAt: '2025-11-25T19:46:50.000Z',
    items: ['alarm tamper (tamper) +snapshot'],
  },
  {
    name: 'vendor record inside a message-service envelope',
    payload: { protocol: 20, pv: '2.0', t: 1764100009999, data: vendor.vendorAlarmCamel },
    shape: 'vendor_alarm',
    sourceMessageId: 'a-1',
    deviceId: 'vdev-1',
    occurredAt: '2025-11-25T19:46:50.000Z',
    items: ['alarm tamper (tamper) +snapshot'],
  },
]

describe('normaliseMessage — reference payloads', () => {
  it.each(table)('$name', (row) => {
    const message = normalise(row.payload)
    expect(message.unrecognisedReason).toBeUndefined()
    expect({
      shape: message.shape,
      sourceMessageId: message.sourceMessageId,
      deviceId: message.deviceId,
      occurredAt: message.occurredAt.toISOString(),
      items: summariseItems(message.items),
    }).toEqual({
      shape: row.shape,
      sourceMessageId: row.sourceMessageId,
      deviceId: row.deviceId,
      occurredAt: row.occurredAt,
      items: row.items,
    })
  })

  it('snake_case and camelCase vendor records normalise to the same thing', () => {
    for (const [camel, snake] of [
      [vendor.vendorAccessCamel, vendor.vendorAccessSnake],
      [vendor.vendorCallCamel, vendor.vendorCallSnake],
      [vendor.vendorAlarmCamel, vendor.vendorAlarmSnake],
    ]) {
      const a = normalise(camel)
      const b = normalise(snake)
      expect({ ...a, items: a.items.map(({ raw: _raw, ...rest }) => rest) }).toEqual({
        ...b,
        items: b.items.map(({ raw: _raw, ...rest }) => rest),
      })
    }
  })

  it('keeps the item raw exactly as received', () => {
    const [item] = normalise(ref.protocol4UnlockFace).items
    expect(item.raw).toEqual(ref.protocol4UnlockFace.status[0])
    const [vendorItem] = normalise(vendor.vendorAccessSnake).items
    expect(vendorItem.raw).toEqual(vendor.vendorAccessSnake.biz_data)
  })
})

describe('normaliseMessage — what it cannot read comes back as shape unknown with a reason', () => {
  const junk: [string, unknown, RegExp][] = [
    ['null', null, /not a JSON object/],
    ['a number', 42, /not a JSON object/],
    ['an array', [1, 2], /not a JSON object/],
    ['a non-JSON string', 'hello', /not a JSON object/],
    ['an empty object', {}, /neither status\[\] nor bizCode/],
    ['P §3.5 envelope with encrypted data', ref.encryptedEnvelope, /encrypted data/],
    ['P §3.6 ECB vector envelope', ref.ecbVectorEnvelope, /encrypted data/],
    ['A §4.4 Smart Commercial envelope', ref.smartCommercialEnvelope, /encryptPayload/],
    ['an envelope whose data is a number', { protocol: 4, pv: '2.0', t: 1, data: 5 }, /data is a number/],
    ['protocol 4 without status[]', { protocol: 4, pv: '2.0', t: 1764000000000, data: { devId: 'd-1' } }, /protocol 4/],
    ['bizCode that is not a string', { bizCode: 7, devId: 'd-1' }, /neither/],
  ]

  it.each(junk)('%s', (_name, payload, reason) => {
    const message = normalise(payload)
    expect(message.shape).toBe('unknown')
    expect(message.unrecognisedReason).toMatch(reason)
    expect(message.items).toEqual([])
    expect(message.occurredAt).toBeInstanceOf(Date)
  })

  it('keeps what it could read: the envelope time and the device id', () => {
    const message = normalise({ protocol: 4, pv: '2.0', t: 1764000000000, data: { devId: 'd-1' } })
    expect(message.deviceId).toBe('d-1')
    expect(message.occurredAt.toISOString()).toBe('2025-11-24T16:00:00.000Z')
  })

  it('accepts the whole payload as JSON text', () => {
    expect(normalise(JSON.stringify(ref.protocol4UnlockFace)).shape).toBe('status_report')
  })

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [
      undefined,
      true,
      { status: 'not-an-array' },
      { status: [null, 1, 'x', { value: 1 }, { code: '' }] },
      { bizCode: '', bizData: null },
      { bizCode: 'callStatus', bizData: 'nope' },
      { bizCode: 'accessRecord', bizData: [] },
      { bizCode: 'devicePropertyMessage', bizData: { properties: 'nope' } },
      { protocol: 1000, data: { bizCode: 'somethingNew', bizData: {} } },
      { protocol: 'x', data: {} },
    ]
    for (const payload of odd) expect(() => normalise(payload)).not.toThrow()
  })
})

describe('normaliseMessage — unknown bizCodes are kept, never dropped', () => {
  it('protocol 20 bizCode the console does not model', () => {
    const message = normalise({ devId: 'd-1', bizCode: 'upgradeStatus', bizData: { upgradeStatus: 2 } })
    expect(message.shape).toBe('device_event')
    expect(summariseItems(message.items)).toEqual(['unknown upgradeStatus'])
    expect(message.items[0]).toMatchObject({ value: { upgradeStatus: 2 } })
  })

  it('protocol ≥ 1000 with a bizCode Tuya added later is IoT Core', () => {
    const message = normalise({
      protocol: 1010,
      pv: '2.0',
      t: 1764000000000,
      data: { bizCode: 'spaceCreate', bizData: {} },
    })
    expect(message.shape).toBe('iot_core')
    expect(summariseItems(message.items)).toEqual(['unknown spaceCreate'])
  })
})
