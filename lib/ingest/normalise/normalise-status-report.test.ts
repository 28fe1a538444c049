import { describe, expect, it } from 'vitest'
import { imagePointerBase64 } from '../fixtures/reference-payloads'
import { summariseItems } from '../fixtures/summarise-items'
import { normaliseMessage } from './normalise-message'

const receivedAt = new Date('2026-11-25T12:00:00.000Z')
const T = 1764000000000 // 2025-11-24T16:00:00Z

/** A protocol 4 report from a lock, one status entry per [code, value]. */
function report(...entries: [string, unknown][]) {
  return {
    dataId: 'AAXI3c1i6xxx',
    devId: 'lock-1',
    productKey: 'pk',
    status: entries.map(([code, value], i) => ({ code, value, t: T + i })),
  }
}
const itemsOf = (...entries: [string, unknown][]) =>
  summariseItems(normaliseMessage(report(...entries), { receivedAt }).items)

describe('protocol 4 — unlock DPs are granted access events; the value is the credential slot (docs/tuya-devices.md §1.1)', () => {
  it.each([
    ['unlock_face', 3, 'access face granted slot=3'],
    ['unlock_card', 12, 'access card granted slot=12'],
    ['unlock_password', 0, 'access password granted slot=0'],
    ['unlock_fingerprint', 7, 'access fingerprint granted slot=7'],
    ['unlock_temporary', 1, 'access temporary granted slot=1'],
    ['unlock_dynamic', 1, 'access temporary granted slot=1'],
    ['unlock_offline_pd', 'MTIzNDU2', 'access temporary granted slot=MTIzNDU2'],
    ['unlock_key', 1, 'access key granted slot=1'],
    ['unlock_app', 1, 'access remote granted slot=1'],
    ['unlock_remote', 1, 'access remote granted slot=1'],
    ['unlock_phone_remote', 1, 'access remote granted slot=1'],
    ['unlock_voice_remote', 1, 'access remote granted slot=1'],
    ['unlock_qr', 4, 'access qr_code granted slot=4'],
    ['unlock_qrcode', 4, 'access qr_code granted slot=4'],
    ['unlock_eye', 2, 'access other granted slot=2'],
    ['unlock_hand', 2, 'access other granted slot=2'],
    ['unlock_identity_card', 2, 'access other granted slot=2'],
    ['unlock_card', '5', 'access card granted slot=5'], // `mk` controllers send strings (§1.2b)
  ])('%s = %j → %s', (code, value, expected) => {
    expect(itemsOf([code, value])).toEqual([expected])
  })

  it('keeps the slot in credentialSlot and the DP code as sourceCode', () => {
    const [item] = normaliseMessage(report(['unlock_face', 3]), { receivedAt }).items
    expect(item).toMatchObject({ kind: 'access', credentialSlot: '3', sourceCode: 'unlock_face' })
  })

  it('enrolment and settings DPs named unlock_* are not openings', () => {
    expect(itemsOf(['unlock_method_create', 'AAE='], ['unlock_switch', 'single_unlock'])).toEqual([
      'unknown unlock_method_create',
      'unknown unlock_switch',
    ])
  })
})

describe('protocol 4 — alarm_lock values (docs/tuya-devices.md §1.2)', () => {
  it.each([
    ['pry', ['alarm tamper (alarm_lock: pry)']],
    ['shock', ['alarm tamper (alarm_lock: shock)']],
    ['defense', ['alarm tamper (alarm_lock: defense)']],
    ['stay_alarm', ['alarm loitering (alarm_lock: stay_alarm)']],
    ['low_battery', ['alarm low_battery (alarm_lock: low_battery)']],
    ['power_off', ['alarm low_battery (alarm_lock: power_off)']],
    ['unclosed_time', ['alarm door_left_open (alarm_lock: unclosed_time)']],
    ['tongue_not_out', ['alarm door_left_open (alarm_lock: tongue_not_out)']],
    ['tongue_bad', ['alarm other (alarm_lock: tongue_bad)']],
    ['too_hot', ['alarm other (alarm_lock: too_hot)']],
    ['key_in', ['alarm other (alarm_lock: key_in)']],
    ['something_new', ['alarm other (alarm_lock: something_new)']],
    ['doorbell', ['call ring']],
  ])('%s', (value, expected) => {
    expect(itemsOf(['alarm_lock', value])).toEqual(expected)
  })

  it.each([
    ['wrong_finger', 'fingerprint'],
    ['wrong_password', 'password'],
    ['wrong_card', 'card'],
    ['wrong_face', 'face'],
    ['wrong_unlock', 'other'],
  ])('%s → repeated_failures alarm AND a denied %s access', (value, method) => {
    expect(itemsOf(['alarm_lock', value])).toEqual([
      `alarm repeated_failures (alarm_lock: ${value})`,
      `access ${method} denied`,
    ])
  })

  it('a non-enum alarm_lock value is kept as unknown', () => {
    expect(itemsOf(['alarm_lock', 5])).toEqual(['unknown alarm_lock'])
  })
})

describe('protocol 4 — duress and calls', () => {
  it('hijack: true is a duress alarm; false is just state', () => {
    expect(itemsOf(['hijack', true])).toEqual(['alarm duress (hijack)'])
    expect(itemsOf(['hijack', false])).toEqual(['device property hijack=false'])
  })

  it('duress usually comes with the opening it forced', () => {
    expect(itemsOf(['unlock_fingerprint', 2], ['hijack', true])).toEqual([
      'access fingerprint granted slot=2',
      'alarm duress (hijack)',
    ])
  })

  it('doorbell: true (lock) or a press time (IPC DP 136, §1.3) rings; false/"0" does not', () => {
    expect(itemsOf(['doorbell', true])).toEqual(['call ring'])
    expect(itemsOf(['doorbell', '1700000000'])).toEqual(['call ring'])
    expect(itemsOf(['doorbell', false])).toEqual(['device property doorbell=false'])
    expect(itemsOf(['doorbell', '0'])).toEqual(['device property doorbell="0"'])
  })

  it('unlock_request > 0 rings; the countdown reaching 0 is a missed call (§5.4)', () => {
    expect(itemsOf(['unlock_request', 30])).toEqual(['call ring'])
    expect(itemsOf(['unlock_request', '25'])).toEqual(['call ring'])
    expect(itemsOf(['unlock_request', 0])).toEqual(['call missed'])
    expect(itemsOf(['unlock_request', 'soon'])).toEqual(['unknown unlock_request'])
  })
})

describe('protocol 4 — snapshot DPs attach to the events of the same report (§1.3, §1.5)', () => {
  it('doorbell + doorbell_pic → one ring carrying the picture', () => {
    const message = normaliseMessage(report(['doorbell', true], ['doorbell_pic', imagePointerBase64]), { receivedAt })
    expect(summariseItems(message.items)).toEqual(['call ring +snapshot'])
    expect(message.items[0]).toMatchObject({
      snapshot: {
        type: 'tuya_file',
        bucket: 'ty-us-storage30-pic',
        path: '/4a8f...e1/1700000000.jpeg',
        fileKey: 'c3f1a9e2b7d44c10',
      },
    })
  })

  it('the picture is attached to every event item, not to device properties', () => {
    const url = 'https://pics.example/alarm.jpg'
    expect(itemsOf(['alarm_lock', 'pry'], ['residual_electricity', 80], ['initiative_message', url])).toEqual([
      'alarm tamper (alarm_lock: pry) +snapshot',
      'device property residual_electricity=80',
    ])
  })

  it('doorbell_pic alone is the doorbell press of an IPC door station', () => {
    expect(itemsOf(['doorbell_pic', imagePointerBase64])).toEqual(['call ring +snapshot'])
  })

  it('a motion or alarm-message picture alone is kept as a property, not raised as an alarm', () => {
    const message = normaliseMessage(report(['movement_detect_pic', imagePointerBase64]), { receivedAt })
    expect(message.items).toMatchObject([
      { kind: 'device', change: 'property', code: 'movement_detect_pic', value: { type: 'tuya_file' } },
    ])
  })

  it('an unreadable picture value is kept as unknown beside the events', () => {
    expect(itemsOf(['doorbell', true], ['doorbell_pic', '%%%'])).toEqual(['call ring', 'unknown doorbell_pic'])
  })
})

describe('protocol 4 — device properties, unknown codes, timing', () => {
  it.each([
    ['residual_electricity', 80],
    ['battery_state', 'low'],
    ['closed_opened', 'open'],
    ['reverse_lock', true],
  ])('%s is a device property', (code, value) => {
    expect(itemsOf([code, value])).toEqual([`device property ${code}=${JSON.stringify(value)}`])
  })

  it('an unknown code is kept with its value and raw entry', () => {
    const message = normaliseMessage(report(['doorbell_song', 3], ['vendor_thing_9', { a: 1 }]), { receivedAt })
    expect(message.items[1]).toMatchObject({
      kind: 'unknown',
      code: 'vendor_thing_9',
      value: { a: 1 },
      reason: 'data point code not mapped',
      raw: { code: 'vendor_thing_9', value: { a: 1 }, t: T + 1 },
    })
  })

  it('each item has its own status[].t; the message takes the earliest', () => {
    const message = normaliseMessage(report(['unlock_face', 1], ['residual_electricity', 80]), { receivedAt })
    expect(message.items.map((i) => i.occurredAt.getTime())).toEqual([T, T + 1])
    expect(message.occurredAt.getTime()).toBe(T)
  })

  it('status[].t in seconds is read as seconds', () => {
    const message = normaliseMessage(
      { devId: 'd', status: [{ code: 'unlock_face', value: 1, t: T / 1000 }] },
      { receivedAt },
    )
    expect(message.occurredAt.getTime()).toBe(T)
  })

  it('without any device time the report falls back to the receive time', () => {
    const message = normaliseMessage({ devId: 'd', status: [{ code: 'unlock_face', value: 1 }] }, { receivedAt })
    expect(message.occurredAt).toEqual(receivedAt)
    expect(message.items[0].occurredAt).toEqual(receivedAt)
    expect(message.sourceMessageId).toBeNull()
  })

  it('entries without a code are kept as unknown, the rest still map', () => {
    const message = normaliseMessage(
      { devId: 'd', status: [{ value: 1 }, 'x', { code: 'unlock_card', value: 2 }] },
      { receivedAt },
    )
    expect(summariseItems(message.items)).toEqual([
      'access card granted slot=2',
      'unknown (no code)',
      'unknown (no code)',
    ])
  })
})
