import { describe, expect, it } from 'vitest'
import { accessMethodForCode, alarmLockMeaning } from './data-point-codes'
import {
  camelizeKeys,
  looseBooleanSchema,
  looseNumberSchema,
  ownEntry,
  toCamelKey,
  toMatchToken,
} from './payload-fields'

describe('payload field variants', () => {
  it.each([
    ['dev_id', 'devId'],
    ['record_id', 'recordId'],
    ['biz-code', 'bizCode'],
    ['devId', 'devId'],
    ['media_info_list', 'mediaInfoList'],
    ['6', '6'],
  ])('toCamelKey(%s) = %s', (key, camel) => {
    expect(toCamelKey(key)).toBe(camel)
  })

  it('camelizeKeys keeps the camelCase spelling when both are present, in either order', () => {
    expect(camelizeKeys({ dev_id: 'snake', devId: 'camel' })).toEqual({ devId: 'camel' })
    expect(camelizeKeys({ devId: 'camel', dev_id: 'snake' })).toEqual({ devId: 'camel' })
    expect(camelizeKeys({ device_id: 'x', user_name: 'y' })).toEqual({ devId: 'x', userName: 'y' })
  })

  it('matches words regardless of case style', () => {
    expect(toMatchToken('access_record')).toBe(toMatchToken('AccessRecord'))
  })

  it('reads loose numbers and booleans', () => {
    expect(looseNumberSchema.parse('4')).toBe(4)
    expect(looseNumberSchema.safeParse('4a').success).toBe(false)
    expect(looseBooleanSchema.parse('TRUE')).toBe(true)
    expect(looseBooleanSchema.parse(0)).toBe(false)
    expect(looseBooleanSchema.safeParse('yes').success).toBe(false)
  })
})

describe('lookups keyed by payload text never reach Object.prototype', () => {
  // Found by the webhook fuzzer: a data point coded `constructor` became an access "method" that was a function.
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('%s is just an unknown key', (key) => {
    expect(ownEntry({ face: 'face' }, key)).toBeUndefined()
    expect(accessMethodForCode(key)).toBeNull()
    expect(alarmLockMeaning(key)).toEqual({ kind: 'alarm', type: 'other' })
  })

  it('a `__proto__` key in a payload is dropped, not made the copy’s prototype', () => {
    const record = JSON.parse('{"__proto__": {"devId": "planted"}, "constructor": "x"}') as Record<string, unknown>
    const copy = camelizeKeys(record)
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(copy.devId).toBeUndefined()
    expect(copy.constructor).toBe('x')
  })
})
