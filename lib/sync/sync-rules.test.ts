// The door sync's pure rules: what a device should hold (status, grant, windows, what each kind of device takes),
// when a row must be pushed again, whether a device already agrees, how failures are classified and backed off,
// a lock password's window, and the rate gate's spacing.
import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { type Applied, emptyApplied, parseApplied } from '@/lib/sync/applied-state'
import {
  computeDesired,
  FACE_WITHOUT_PHOTO_NOTE,
  LOCK_FACE_CARD_NOTE,
  nextWindowEdge,
  type SyncCredential,
  type SyncResident,
  UNSUPPORTED_NOTE,
} from '@/lib/sync/desired-state'
import { lockPasswordWindow } from '@/lib/sync/push-lock'
import { createRateGate } from '@/lib/sync/rate-gate'
import { backoffDelayMs, classifyFailure } from '@/lib/sync/sync-failure'
import { hasWork } from '@/lib/sync/sync-plan'
import { TuyaApiError, TuyaTransportError } from '@/lib/tuya/errors'

const NOW = new Date('2026-06-01T12:00:00Z')
const at = (hours: number) => new Date(NOW.getTime() + hours * 3600_000)

const resident: SyncResident = {
  id: 'r1',
  name: 'Ada',
  status: 'active',
  externalId: 'p1',
  validFrom: null,
  validUntil: null,
}
const credential = (over: Partial<SyncCredential>): SyncCredential => ({
  id: 'c',
  kind: 'card',
  label: null,
  value: 'CARD1',
  secretSealed: null,
  photoId: null,
  photoStored: false,
  validFrom: null,
  validUntil: null,
  createdAt: at(-100),
  revokedAt: null,
  ...over,
})
const face = credential({ id: 'f1', kind: 'face', value: 'face-1', photoId: 's1', photoStored: true })
const card = credential({ id: 'k1', kind: 'card', value: 'CARD1' })
const pin = credential({ id: 'p1', kind: 'pin', value: null, secretSealed: 'v1.sealed' })

describe('what a device should hold', () => {
  const desired = (over: Partial<Parameters<typeof computeDesired>[0]> = {}) =>
    computeDesired({
      resident,
      credentials: [face, card, pin],
      granted: true,
      model: 'access_control',
      now: NOW,
      ...over,
    })

  it('holds the person with every live face, card and PIN on an access-control device', () => {
    expect(desired()).toEqual({
      name: 'Ada',
      begin: null,
      end: null,
      faces: [{ credentialId: 'f1', faceId: 'face-1' }],
      cards: [{ credentialId: 'k1', cardNo: 'CARD1' }],
      pins: [{ credentialId: 'p1', sealed: 'v1.sealed', validFrom: null, validUntil: null, createdAt: pin.createdAt }],
      notes: [],
    })
  })

  it('holds nothing for a suspended, erasing or erased resident, or without a grant', () => {
    for (const status of ['suspended', 'erasing', 'erased'])
      expect(desired({ resident: { ...resident, status } })).toBeNull()
    expect(desired({ granted: false })).toBeNull()
  })

  it('carries the resident window as the person window, and keeps credentials to their own windows', () => {
    const windowed = desired({
      resident: { ...resident, validFrom: at(-1), validUntil: at(24) },
      credentials: [
        card,
        credential({ id: 'k2', value: 'LATER', validFrom: at(2) }),
        credential({ id: 'k3', value: 'OVER', validUntil: at(-1) }),
        credential({ id: 'k4', value: 'GONE', revokedAt: at(-2) }),
      ],
    })
    expect(windowed).toMatchObject({ begin: at(-1).getTime(), end: at(24).getTime() })
    expect(windowed?.cards.map((c) => c.cardNo)).toEqual(['CARD1'])
  })

  it('sends no face without a stored photo, and says so', () => {
    const unphotographed = credential({ id: 'f2', kind: 'face', label: 'Old', photoStored: false })
    expect(desired({ credentials: [unphotographed] })).toMatchObject({
      faces: [],
      notes: [FACE_WITHOUT_PHOTO_NOTE],
    })
  })

  it('gives a lock the PINs only, with a note for faces and cards; other devices take nothing', () => {
    expect(desired({ model: 'lock' })).toMatchObject({ faces: [], cards: [], notes: [LOCK_FACE_CARD_NOTE] })
    expect(desired({ model: 'lock' })?.pins).toHaveLength(1)
    expect(desired({ model: 'unsupported' })).toMatchObject({
      faces: [],
      cards: [],
      pins: [],
      notes: [UNSUPPORTED_NOTE],
    })
  })

  it('is due again at the next window edge of a credential still in force', () => {
    const credentials = [
      credential({ validFrom: at(5), validUntil: at(9) }),
      credential({ validUntil: at(3) }),
      credential({ validFrom: at(1), revokedAt: at(-1) }),
      credential({ validFrom: at(-3) }),
    ]
    expect(nextWindowEdge(credentials, NOW)).toEqual(at(3))
    expect(nextWindowEdge(credentials, at(4))).toEqual(at(5))
    expect(nextWindowEdge(credentials, at(10))).toBeNull()
  })
})

describe('whether a device already agrees', () => {
  const desired = computeDesired({
    resident,
    credentials: [face, card, pin],
    granted: true,
    model: 'access_control',
    now: NOW,
  })!
  const holding: Applied = {
    ...emptyApplied(),
    person: { name: 'Ada', begin: null, end: null },
    faces: { f1: 'enrolled-elsewhere-as-7' },
    cards: { k1: 'CARD1' },
    pins: ['p1'],
  }

  it('agrees when the same credentials are held, whatever id the device knows a face by', () => {
    expect(hasWork('access_control', desired, holding)).toBe(false)
  })

  it('has work for a renamed person, a missing or extra credential, a changed card number', () => {
    expect(hasWork('access_control', { ...desired, name: 'Ada L.' }, holding)).toBe(true)
    expect(hasWork('access_control', desired, { ...holding, pins: [] })).toBe(true)
    expect(hasWork('access_control', desired, { ...holding, cards: { k1: 'CARD1', k9: 'OLD' } })).toBe(true)
    expect(hasWork('access_control', desired, { ...holding, cards: { k1: 'CARD2' } })).toBe(true)
    expect(hasWork('access_control', null, holding)).toBe(true)
    expect(hasWork('access_control', null, emptyApplied())).toBe(false)
  })

  it('compares a lock by member name and password windows', () => {
    const lockDesired = computeDesired({ resident, credentials: [pin], granted: true, model: 'lock', now: NOW })!
    const window = lockPasswordWindow(lockDesired.pins[0], lockDesired)
    const lock: Applied = {
      ...emptyApplied(),
      member: { userId: 'u1', name: 'Ada' },
      passwords: { p1: { id: '9', ...window } },
    }
    expect(hasWork('lock', lockDesired, lock)).toBe(false)
    expect(hasWork('lock', lockDesired, { ...lock, passwords: { p1: { id: '9', ...window, until: 1 } } })).toBe(true)
    expect(hasWork('lock', lockDesired, { ...lock, member: undefined })).toBe(true)
  })

  it('reads an unreadable stored value as "holds nothing known"', () => {
    expect(parseApplied('{not json')).toEqual(emptyApplied())
    expect(parseApplied(JSON.stringify({ faces: 'nope' }))).toEqual(emptyApplied())
  })
})

describe('a lock password window', () => {
  it("is the credential's window inside the resident's, in seconds, ten years when open-ended", () => {
    const desired = {
      name: 'Ada',
      begin: at(1).getTime(),
      end: at(48).getTime(),
      faces: [],
      cards: [],
      pins: [],
      notes: [],
    }
    const p = { credentialId: 'p1', sealed: 'x', validFrom: at(-5), validUntil: at(24), createdAt: at(-100) }
    expect(lockPasswordWindow(p, desired)).toEqual({ from: at(1).getTime() / 1000, until: at(24).getTime() / 1000 })
    const open = lockPasswordWindow({ ...p, validFrom: null, validUntil: null }, { ...desired, begin: null, end: null })
    expect(open).toEqual({ from: at(-100).getTime() / 1000, until: at(-100).getTime() / 1000 + 10 * 365 * 86400 })
  })
})

describe('failures', () => {
  const api = (code: number, httpStatus = 200) =>
    new TuyaApiError({ code, msg: `m${code}`, httpStatus, method: 'POST', path: '/x' })

  it("keeps Tuya's code and message and knows which failures waiting fixes", () => {
    expect(classifyFailure(api(1110))).toEqual({ code: '1110', message: 'm1110', transient: true, offline: false })
    expect(classifyFailure(api(2001))).toEqual({ code: '2001', message: 'm2001', transient: true, offline: true })
    expect(classifyFailure(api(1106))).toMatchObject({ code: '1106', transient: false })
    expect(classifyFailure(api(1109))).toMatchObject({ transient: false })
    expect(classifyFailure(api(500, 503))).toMatchObject({ code: '500', transient: true })
    const timeout = new TuyaTransportError({ failure: 'timeout', method: 'POST', path: '/x', message: 'slow' })
    expect(classifyFailure(timeout)).toMatchObject({ code: 'timeout', transient: true })
    expect(classifyFailure(new AppError('no_public_url', 'set it'))).toMatchObject({ transient: false })
    expect(classifyFailure(new Error('db down'))).toMatchObject({ code: 'internal', transient: true })
  })

  it('backs off exponentially with jitter, capped', () => {
    const policy = (r: number) => ({ baseMs: 2_000, maxMs: 600_000, random: () => r })
    expect(backoffDelayMs(1, policy(0))).toBe(1_000)
    expect(backoffDelayMs(1, policy(1))).toBe(2_000)
    expect(backoffDelayMs(4, policy(1))).toBe(16_000)
    expect(backoffDelayMs(30, policy(1))).toBe(600_000)
    expect(backoffDelayMs(30, policy(0))).toBe(300_000)
  })
})

describe('the rate gate', () => {
  it('spaces calls of one class evenly and keeps classes apart', async () => {
    let clock = 0
    const waits: number[] = []
    const gate = createRateGate(
      { face: 5, write: 20 },
      () => clock,
      async (ms) => void waits.push(ms),
    )
    for (let i = 0; i < 5; i++) await gate.take('face')
    await gate.take('write')
    expect(waits.map(Math.round)).toEqual([210, 420, 630, 840])
    clock = 10_000
    waits.length = 0
    await gate.take('face')
    expect(waits).toEqual([])
  })
})
