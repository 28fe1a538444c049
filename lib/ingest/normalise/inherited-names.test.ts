// Found by the fuzz tests: the normaliser's lookup tables are plain objects, so a payload naming a member every
// object inherits ("constructor", "__proto__", "toString" …) used to find it. A status code "__proto__" became an
// access event whose method was an object (500 at the webhook), a bizCode "constructor" passed for a vendor record
// and then threw, a field named "constructor" was renamed to the text of a function. Such names are now nothing
// special.
import { describe, expect, it } from 'vitest'
import { ACCESS_METHODS } from '@/lib/domain/enums'
import { normaliseMessage } from '@/lib/ingest/normalise/normalise-message'
import { camelizeKeys } from '@/lib/ingest/normalise/payload-fields'

const receivedAt = new Date()
const normalise = (payload: unknown) => normaliseMessage(payload, { receivedAt })
const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']

describe.each(INHERITED)('a payload naming "%s"', (name) => {
  it('as a data-point code: no access event with a made-up method', () => {
    const result = normalise({ devId: 'd1', status: [{ code: name, value: 0 }] })
    for (const item of result.items) if (item.kind === 'access') expect(ACCESS_METHODS).toContain(item.method)
    expect(result.items.some((i) => i.kind === 'access')).toBe(false)
  })

  it('as a bizCode: an unmapped event kept raw, never a vendor record', () => {
    const result = normalise({ bizCode: name, devId: 'd1', bizData: { recordId: 'r1' } })
    expect(result.shape).toBe('device_event')
    expect(result.items).toMatchObject([{ kind: 'unknown', code: name }])
  })

  it('as a call status, an alarm type and an alarm_lock value: the documented fallbacks', () => {
    const call = normalise({ bizCode: 'callStatus', devId: 'd1', bizData: { callId: 'c1', status: name } })
    expect(call.items.every((i) => i.kind !== 'call')).toBe(true)
    const alarm = normalise({ bizCode: 'accessAlarm', devId: 'd1', bizData: { alarmId: 'a1', type: name } })
    expect(alarm.items).toMatchObject([{ kind: 'alarm', type: 'other' }])
    const lock = normalise({ devId: 'd1', status: [{ code: 'alarm_lock', value: name }] })
    expect(lock.items).toMatchObject([{ kind: 'alarm', type: 'other' }])
  })
})

describe('camelizeKeys', () => {
  it('keeps keys named like inherited members as they are (they are no synonyms)', () => {
    const out = camelizeKeys(JSON.parse('{"constructor":1,"toString":2,"dev_id":"d1"}'))
    expect(out).toEqual({ constructor: 1, toString: 2, devId: 'd1' })
    expect(Object.keys(out)).toEqual(['constructor', 'toString', 'devId'])
  })
})
