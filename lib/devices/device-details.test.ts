// What the console keeps of Tuya's product and firmware answers: the documented firmware list (and the shapes seen
// beside it), ordered by channel, hostile or malformed entries left out, and the stored form read back.
import { describe, expect, it } from 'vitest'
import { cleanText, firmwareModulesOf, parseFirmware, storedFirmware } from '@/lib/devices/device-details'

describe('firmwareModulesOf', () => {
  it('reads the documented list: channel `type` and `current_version`, ordered by channel', () => {
    const answer = [
      { type: 9, type_desc: 'MCU', current_version: '1.0.4', version: '1.0.5', upgrade_status: 1 },
      { type: 0, type_desc: 'Main module', current_version: '2.3.7', version: '2.3.7', upgrade_status: 0 },
    ]
    expect(firmwareModulesOf(answer)).toEqual([
      { type: 0, version: '2.3.7' },
      { type: 9, version: '1.0.4' },
    ])
  })

  it('reads the other shapes seen: one object, `channel`, and the older `module_type`', () => {
    expect(firmwareModulesOf({ channel: 0, current_version: '1.0.0', version: '2.0.0' })).toEqual([
      { type: 0, version: '1.0.0' },
    ])
    expect(firmwareModulesOf([{ module_type: 9, current_version: '1.0.0' }])).toEqual([{ type: 9, version: '1.0.0' }])
  })

  it('leaves out what it cannot trust, and keeps the first entry of a channel', () => {
    const answer = [
      { type: 0, current_version: ' 2.3.7\u0000\n ' },
      { type: 0, current_version: '9.9.9' },
      { type: 1 },
      { type: 2, current_version: 42 },
      { type: -1, current_version: '1' },
      { type: 1.5, current_version: '1' },
      { type: '3', current_version: '1' },
      { current_version: '1' },
      { type: 4, current_version: '   ' },
      { type: 5, current_version: 'x'.repeat(500) },
      null,
      'text',
      [1, 2],
    ]
    expect(firmwareModulesOf(answer)).toEqual([
      { type: 0, version: '2.3.7' },
      { type: 5, version: 'x'.repeat(40) },
    ])
    for (const nothing of [null, undefined, 'text', 42, {}, []]) expect(firmwareModulesOf(nothing)).toEqual([])
  })

  it('keeps at most 16 modules however long the answer', () => {
    const answer = Array.from({ length: 500 }, (_, i) => ({ type: i, current_version: `1.${i}` }))
    expect(firmwareModulesOf(answer)).toHaveLength(16)
  })
})

describe('cleanText', () => {
  it('trims, drops control characters and cuts long text', () => {
    expect(cleanText('  HV-FT7\r\n')).toBe('HV-FT7')
    expect(cleanText('Face\u0007 Terminal\u009b')).toBe('Face Terminal')
    expect(cleanText('y'.repeat(300))).toHaveLength(120)
    expect(cleanText('  ')).toBeNull()
    expect(cleanText(7)).toBeNull()
    expect(cleanText(undefined)).toBeNull()
  })
})

describe('the stored firmware', () => {
  it('reads back what was stored; none is stored as NULL; anything malformed reads as none', () => {
    const modules = [
      { type: 0, version: '3.1.12' },
      { type: 9, version: '1.2.0' },
    ]
    expect(parseFirmware(storedFirmware(modules))).toEqual(modules)
    expect(storedFirmware([])).toBeNull()
    for (const stored of [null, '', 'not json', '{"type":0}', '[{"type":"0","version":"1"}]', '[null]'])
      expect(parseFirmware(stored)).toEqual([])
  })
})
