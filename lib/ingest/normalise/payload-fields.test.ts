import { describe, expect, it } from 'vitest'
import { camelizeKeys, looseBooleanSchema, looseNumberSchema, toCamelKey, toMatchToken } from './payload-fields'

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
