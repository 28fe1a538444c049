import { describe, expect, it } from 'vitest'
import { CALL_SAME_VISIT_MS, callSignalForAccess, startsNewCall } from './call-matching'
import type { CallSnapshot } from './call-state-machine'

const T0 = Date.parse('2026-11-25T12:00:00.000Z')
const at = (seconds: number) => new Date(T0 + seconds * 1000)
const ring = (seconds: number) => ({ signal: 'ring' as const, at: at(seconds) })

describe('startsNewCall — devices without call ids get one current call each', () => {
  const ringing: CallSnapshot = { state: 'ringing', startedAt: at(0), lastSignalAt: at(0) }
  const answered: CallSnapshot = { state: 'answered', startedAt: at(0), lastSignalAt: at(5), answeredBy: 'g' }
  const missed: CallSnapshot = { state: 'missed', startedAt: at(0), endedAt: at(30), lastSignalAt: at(30) }

  it('the first ring on a device opens a call', () => {
    expect(startsNewCall(null, ring(0))).toBe(true)
  })

  it('a ring during the ring window repeats the current call', () => {
    expect(startsNewCall(ringing, ring(10))).toBe(false)
  })

  it('a ring after the ring window is a new call (expire the old one first)', () => {
    expect(startsNewCall(ringing, ring(30))).toBe(true)
  })

  it('a ring after a finished call ended is a new call; one from before its end is a late duplicate', () => {
    expect(startsNewCall(missed, ring(31))).toBe(true)
    expect(startsNewCall(missed, ring(1))).toBe(false)
  })

  it('an answered call with no hang-up reported takes new rings for a while, then they are a new visit', () => {
    expect(startsNewCall(answered, ring(20))).toBe(false)
    expect(startsNewCall(answered, { signal: 'ring', at: new Date(at(5).getTime() + CALL_SAME_VISIT_MS + 1) })).toBe(
      true,
    )
  })

  it('only rings start calls', () => {
    expect(startsNewCall(null, { signal: 'answered', at: at(0) })).toBe(false)
  })
})

describe('callSignalForAccess', () => {
  it('a granted opening ends a live call as door_opened; a denied attempt does not', () => {
    expect(callSignalForAccess({ result: 'granted' })).toBe('door_opened')
    expect(callSignalForAccess({ result: 'denied' })).toBeNull()
  })
})
