import { describe, expect, it } from 'vitest'
import type { CallState } from '@/lib/domain/enums'
import type { CallSignal } from '@/lib/ingest/normalise/normalised'
import {
  applyCallSignal,
  CALL_RING_TIMEOUT_MS,
  expireRingingCall,
  isCallFinished,
  type CallSnapshot,
} from './call-state-machine'

const T0 = Date.parse('2026-11-25T12:00:00.000Z')
const at = (seconds: number) => new Date(T0 + seconds * 1000)

function call(state: CallState, extra: Partial<CallSnapshot> = {}): CallSnapshot {
  const finished = state !== 'ringing' && state !== 'answered'
  return {
    state,
    startedAt: at(0),
    lastSignalAt: at(10),
    ...(finished ? { endedAt: at(10) } : {}),
    ...(state === 'answered' || extra.answeredBy ? { answeredBy: 'guard-1' } : {}),
    ...extra,
  }
}

describe('a call starts with a ring', () => {
  it('ring with no call → ringing, started at the ring', () => {
    const result = applyCallSignal(null, { signal: 'ring', at: at(0) })
    expect(result).toEqual({
      next: { state: 'ringing', startedAt: at(0), lastSignalAt: at(0) },
      changed: true,
      transition: { from: null, to: 'ringing', signal: 'ring' },
    })
  })

  it.each<CallSignal>(['answered', 'declined', 'missed', 'cancelled', 'hangup', 'door_opened'])(
    '%s with no call and no call ref → nothing (no phantom calls from countdowns or openings)',
    (signal) => {
      expect(applyCallSignal(null, { signal, at: at(5) })).toEqual({ next: null, changed: false })
    },
  )

  it.each<[CallSignal, CallState, boolean]>([
    ['answered', 'answered', false],
    ['declined', 'declined', true],
    ['missed', 'missed', true],
    ['cancelled', 'cancelled', true],
    ['hangup', 'cancelled', true],
    ['door_opened', 'door_opened', true],
  ])('%s naming its call, whose ring has not arrived yet → %s', (signal, state, ended) => {
    const { next } = applyCallSignal(null, { signal, at: at(5), callRef: 'c-1', by: 'guard-1' })
    expect(next).toMatchObject({ state, startedAt: at(5) })
    expect(next?.endedAt).toEqual(ended ? at(5) : undefined)
  })
})

describe('from ringing', () => {
  it.each<[CallSignal, CallState, boolean]>([
    ['answered', 'answered', false],
    ['declined', 'declined', true],
    ['missed', 'missed', true],
    ['cancelled', 'cancelled', true],
    ['hangup', 'cancelled', true],
    ['door_opened', 'door_opened', true],
  ])('%s → %s', (signal, state, ended) => {
    const result = applyCallSignal(call('ringing'), { signal, at: at(12), by: 'guard-2' })
    expect(result.changed).toBe(true)
    expect(result.transition).toEqual({ from: 'ringing', to: state, signal })
    expect(result.next).toMatchObject({ state, startedAt: at(0), lastSignalAt: at(12) })
    expect(result.next?.endedAt).toEqual(ended ? at(12) : undefined)
  })

  it('answered records who answered', () => {
    expect(applyCallSignal(call('ringing'), { signal: 'answered', at: at(12), by: 'guard-2' }).next?.answeredBy).toBe(
      'guard-2',
    )
  })

  it('a repeated ring (doorbell DP + doorbell_pic) changes nothing', () => {
    expect(applyCallSignal(call('ringing'), { signal: 'ring', at: at(3) })).toMatchObject({ changed: false })
  })

  it('an earlier ring arriving late only moves startedAt back', () => {
    const result = applyCallSignal(call('ringing', { startedAt: at(2) }), { signal: 'ring', at: at(0) })
    expect(result).toMatchObject({ changed: true, next: { state: 'ringing', startedAt: at(0) } })
    expect(result.transition).toBeUndefined()
  })
})

describe('from answered', () => {
  it('hangup ends the call: it stays answered, with endedAt', () => {
    const result = applyCallSignal(call('answered'), { signal: 'hangup', at: at(40) })
    expect(result.next).toMatchObject({ state: 'answered', endedAt: at(40), answeredBy: 'guard-1' })
    expect(result.transition).toEqual({ from: 'answered', to: 'answered', signal: 'hangup' })
    expect(isCallFinished(result.next!)).toBe(true)
  })

  it('door opened during the call → door_opened, keeping who answered', () => {
    const result = applyCallSignal(call('answered'), { signal: 'door_opened', at: at(20) })
    expect(result.next).toMatchObject({ state: 'door_opened', endedAt: at(20), answeredBy: 'guard-1' })
  })

  it('the first guard to answer keeps the call', () => {
    expect(applyCallSignal(call('answered'), { signal: 'answered', at: at(11), by: 'guard-2' })).toMatchObject({
      changed: false,
      next: { answeredBy: 'guard-1' },
    })
  })

  it('a device-reported answer without a name is completed by the console answer', () => {
    const anonymous = call('answered', { answeredBy: undefined })
    delete anonymous.answeredBy
    const result = applyCallSignal(anonymous, { signal: 'answered', at: at(11), by: 'guard-2' })
    expect(result).toMatchObject({ changed: true, next: { state: 'answered', answeredBy: 'guard-2' } })
    expect(result.transition).toBeUndefined()
  })

  it.each<CallSignal>(['declined', 'missed'])('%s is ignored: an answered call is neither', (signal) => {
    expect(applyCallSignal(call('answered'), { signal, at: at(30) })).toMatchObject({ changed: false })
  })

  it('a ring older than the answer is ignored, not applied', () => {
    expect(applyCallSignal(call('answered'), { signal: 'ring', at: at(1) })).toEqual({
      next: call('answered'),
      changed: false,
    })
  })

  it('a hang-up older than the answer is ignored (it could only have cancelled the ringing call)', () => {
    expect(applyCallSignal(call('answered'), { signal: 'hangup', at: at(5) })).toMatchObject({ changed: false })
  })
})

describe('finished calls never move backwards', () => {
  const finished: CallState[] = ['declined', 'missed', 'cancelled', 'door_opened']

  it.each(finished)('%s ignores a later ring (ring after missed)', (state) => {
    expect(applyCallSignal(call(state), { signal: 'ring', at: at(60) })).toMatchObject({ changed: false })
  })

  it('declined ignores an answer, even an earlier one (answered after declined)', () => {
    expect(applyCallSignal(call('declined'), { signal: 'answered', at: at(5), by: 'g' })).toMatchObject({
      changed: false,
    })
    expect(applyCallSignal(call('declined'), { signal: 'answered', at: at(50), by: 'g' })).toMatchObject({
      changed: false,
    })
  })

  it('missed stays missed when an earlier answer turns up; the answerer is recorded (known order dependence)', () => {
    const result = applyCallSignal(call('missed'), { signal: 'answered', at: at(5), by: 'g' })
    expect(result).toMatchObject({ changed: true, next: { state: 'missed', answeredBy: 'g', endedAt: at(10) } })
    expect(result.transition).toBeUndefined()
    expect(applyCallSignal(call('missed'), { signal: 'answered', at: at(50), by: 'g' })).toMatchObject({
      changed: false,
    })
  })

  it.each(finished)('%s ignores ending signals after its end', (state) => {
    for (const signal of ['declined', 'missed', 'cancelled', 'hangup', 'door_opened'] as const) {
      expect(applyCallSignal(call(state), { signal, at: at(11) })).toMatchObject({ changed: false })
    }
  })

  it('an answered-and-ended call ignores everything after its end', () => {
    const ended = call('answered', { endedAt: at(10) })
    for (const signal of ['ring', 'answered', 'hangup', 'door_opened', 'missed'] as const) {
      expect(applyCallSignal(ended, { signal, at: at(20), by: 'g' })).toMatchObject({ changed: false })
    }
  })

  it('the earliest ending wins: a late door_opened at 8 s corrects a missed inferred at 10 s', () => {
    const result = applyCallSignal(call('missed'), { signal: 'door_opened', at: at(8) })
    expect(result.next).toMatchObject({ state: 'door_opened', endedAt: at(8) })
    expect(result.transition).toEqual({ from: 'missed', to: 'door_opened', signal: 'door_opened' })
  })

  it('an answer from before a cancellation turns it into an answered call that hung up', () => {
    const result = applyCallSignal(call('cancelled'), { signal: 'answered', at: at(4), by: 'guard-3' })
    expect(result.next).toMatchObject({ state: 'answered', answeredBy: 'guard-3', endedAt: at(10) })
  })

  it('an earlier hang-up of an answered call that ended by door opening: the hang-up came first', () => {
    const result = applyCallSignal(call('door_opened', { answeredBy: 'g' }), { signal: 'hangup', at: at(6) })
    expect(result.next).toMatchObject({ state: 'answered', endedAt: at(6) })
  })

  it('an answered call ignores an earlier decline or miss', () => {
    const ended = call('answered', { endedAt: at(10) })
    expect(applyCallSignal(ended, { signal: 'declined', at: at(5) })).toMatchObject({ changed: false })
  })
})

describe('ring timeout', () => {
  it('CALL_RING_TIMEOUT_MS is 30 s', () => {
    expect(CALL_RING_TIMEOUT_MS).toBe(30_000)
  })

  it('a call ringing for 30 s is missed, at the moment it timed out', () => {
    const result = expireRingingCall(call('ringing'), at(45))
    expect(result.next).toMatchObject({ state: 'missed', endedAt: at(30) })
    expect(result.transition).toEqual({ from: 'ringing', to: 'missed', signal: 'missed' })
  })

  it('not before', () => {
    expect(expireRingingCall(call('ringing'), at(29.999))).toMatchObject({ changed: false })
  })

  it('only ringing calls expire', () => {
    expect(expireRingingCall(call('answered'), at(600))).toMatchObject({ changed: false })
    expect(expireRingingCall(null, at(600))).toEqual({ next: null, changed: false })
  })
})

describe('isCallFinished', () => {
  it.each<[CallSnapshot, boolean]>([
    [call('ringing'), false],
    [call('answered'), false],
    [call('answered', { endedAt: at(9) }), true],
    [call('declined'), true],
    [call('missed'), true],
    [call('cancelled'), true],
    [call('door_opened'), true],
  ])('%j → %s', (snapshot, finished) => {
    expect(isCallFinished(snapshot)).toBe(finished)
  })
})
