import { describe, expect, it } from 'vitest'
import {
  accessControlLogEntry,
  lockAlarmLogEntry,
  lockOpenLogEntry,
  lockRecordEntry,
} from '../fixtures/reference-payloads'
import { summariseItems } from '../fixtures/summarise-items'
import { normaliseOpenApiLog } from './normalise-openapi-log'

const opts = { deviceId: 'lock-1', receivedAt: new Date('2026-11-25T12:00:00.000Z') }

describe("normaliseOpenApiLog — backfill entries speak the live path's language (docs/tuya-devices.md §2)", () => {
  it('§2.2 open-logs: face #3, user "0" means not bound to a member', () => {
    const message = normaliseOpenApiLog('lock_open_log', lockOpenLogEntry, opts)
    expect(message).toMatchObject({ shape: 'openapi_log', deviceId: 'lock-1', sourceMessageId: null })
    expect(message.occurredAt.toISOString()).toBe('2023-11-14T22:13:20.000Z')
    expect(message.items).toMatchObject([
      { kind: 'access', method: 'face', result: 'granted', credentialSlot: '3', externalUserName: 'Alice' },
    ])
    expect(message.items[0]).not.toHaveProperty('externalUserId')
  })

  it('§2.3 records: record id, member, dps and the encrypted face capture', () => {
    const message = normaliseOpenApiLog('lock_record', lockRecordEntry, opts)
    expect(message).toMatchObject({ shape: 'openapi_log', sourceMessageId: '1234567' })
    expect(message.items).toMatchObject([
      {
        kind: 'access',
        method: 'face',
        credentialSlot: '3',
        externalUserId: '0000004pnk',
        externalUserName: 'Alice',
        snapshot: { type: 'url', url: 'https://…signed…', fileKey: '…' },
      },
    ])
  })

  it('§2.3 records with {code, value} dps are read too; without dps the entry is unrecognised', () => {
    const coded = { ...lockRecordEntry, dps: [{ code: 'alarm_lock', value: 'pry' }], media_info_list: [] }
    expect(summariseItems(normaliseOpenApiLog('lock_record', coded, opts).items)).toEqual([
      'alarm tamper (alarm_lock: pry)',
    ])
    const empty = normaliseOpenApiLog('lock_record', { ...lockRecordEntry, dps: null }, opts)
    expect(empty).toMatchObject({ shape: 'unknown', sourceMessageId: '1234567' })
  })

  it('§2.4 alarm-logs: hijack naming the credential is duress', () => {
    const message = normaliseOpenApiLog('lock_alarm_log', lockAlarmLogEntry, opts)
    expect(summariseItems(message.items)).toEqual(['alarm duress (hijack: unlock_fingerprint-02)'])
  })

  it('§2.8 access-control-logs: device id from the entry, method from access_type', () => {
    const message = normaliseOpenApiLog('access_control_log', accessControlLogEntry, { ...opts, deviceId: null })
    expect(message.deviceId).toBe('6c…')
    expect(message.items).toMatchObject([
      {
        kind: 'access',
        method: 'face',
        result: 'granted',
        externalUserId: 'ay16…',
        externalUserName: 'Alice',
        snapshot: { type: 'url', url: 'https://…' },
      },
    ])
    const odd = normaliseOpenApiLog('access_control_log', { ...accessControlLogEntry, access_type: 'iris' }, opts)
    expect(odd.items[0]).toMatchObject({ method: 'other', sourceCode: 'access_type:iris' })
  })

  it('junk entries are unrecognised, never thrown', () => {
    expect(normaliseOpenApiLog('lock_open_log', null, opts)).toMatchObject({ shape: 'unknown' })
    expect(normaliseOpenApiLog('lock_alarm_log', { status: 'x' }, opts)).toMatchObject({ shape: 'unknown' })
  })
})
