// Arrival order must not matter. Each scenario is a realistic call (signals in true time order, as devices,
// vendor and consoles would emit them); we deliver it in every order (and in seeded random orders with
// duplicates) and compare with the canonical outcome: replaying the signals sorted by device time through the
// plain forward machine — which is "the earliest ending signal decides".
import { describe, expect, it } from 'vitest'
import type { CallState } from '@/lib/domain/enums'
import type { CallSignal } from '@/lib/ingest/normalise/normalised'
import { applyCallSignal, isCallFinished, type CallSignalInput, type CallSnapshot } from './call-state-machine'

const T0 = Date.parse('2026-11-25T12:00:00.000Z')
const s = (signal: CallSignal, seconds: number, by?: string): CallSignalInput => ({
  signal,
  at: new Date(T0 + seconds * 1000),
  callRef: 'c-1',
  ...(by ? { by } : {}),
})

const scenarios: Record<string, CallSignalInput[]> = {
  'answered then hung up': [s('ring', 0), s('answered', 3, 'A'), s('hangup', 8)],
  'answered, door opened, then hung up': [s('ring', 0), s('answered', 3, 'A'), s('door_opened', 5), s('hangup', 8)],
  'declined, device also reports hangup': [s('ring', 0), s('declined', 5), s('hangup', 8)],
  'missed by timeout': [s('ring', 0), s('missed', 30)],
  'visitor cancelled': [s('ring', 0), s('cancelled', 6)],
  'visitor hung up while ringing': [s('ring', 0), s('hangup', 6)],
  'door opened while ringing': [s('ring', 0), s('door_opened', 7)],
  'double ring, answered, hung up': [s('ring', 0), s('ring', 2), s('answered', 3, 'A'), s('hangup', 8)],
  'device-reported answer, door opened': [s('ring', 0), s('answered', 3), s('door_opened', 5)],
  'door opened at 20 s, timeout inferred at 30 s': [s('ring', 0), s('door_opened', 20), s('missed', 30)],
  'cancelled, then the hang-up echo': [s('ring', 0), s('cancelled', 6), s('hangup', 6.5)],
  'declined, then timeout inferred': [s('ring', 0), s('declined', 5), s('missed', 30)],
  'hung up, guard opens the door afterwards': [
    s('ring', 0),
    s('answered', 3, 'A'),
    s('hangup', 5),
    s('door_opened', 8),
  ],
  'device answer then console answer': [s('ring', 0), s('answered', 4), s('answered', 4.5, 'A'), s('hangup', 9)],
  'remote unlock, then the countdown ends': [s('ring', 0), s('answered', 3, 'A'), s('door_opened', 5), s('missed', 6)],
}

type Outcome = { state: CallState; startedAt: number; endedAt?: number; answeredBy?: string }

/** The forward machine, fed in device-time order: what the reducer must agree with. */
function canonicalOutcome(signals: readonly CallSignalInput[]): Outcome {
  const sorted = [...signals].sort((a, b) => a.at.getTime() - b.at.getTime())
  let o: Outcome | null = null
  for (const { signal, at, by } of sorted) {
    const t = at.getTime()
    if (o === null) {
      if (signal === 'ring') o = { state: 'ringing', startedAt: t }
      continue
    }
    const ended = o.state !== 'ringing' && (o.state !== 'answered' || o.endedAt !== undefined)
    if (ended) continue
    if (o.state === 'ringing') {
      if (signal === 'answered') o = { ...o, state: 'answered', ...(by ? { answeredBy: by } : {}) }
      else if (signal === 'hangup') o = { ...o, state: 'cancelled', endedAt: t }
      else if (signal !== 'ring') o = { ...o, state: signal, endedAt: t }
    } else if (signal === 'answered' && o.answeredBy === undefined && by) o = { ...o, answeredBy: by }
    else if (signal === 'hangup' || signal === 'cancelled') o = { ...o, endedAt: t }
    else if (signal === 'door_opened') o = { ...o, state: 'door_opened', endedAt: t }
  }
  if (o === null) throw new Error('scenario without a ring')
  return o
}

function outcomeOf(call: CallSnapshot | null): Outcome | null {
  if (call === null) return null
  return {
    state: call.state,
    startedAt: call.startedAt.getTime(),
    ...(call.endedAt ? { endedAt: call.endedAt.getTime() } : {}),
    ...(call.answeredBy ? { answeredBy: call.answeredBy } : {}),
  }
}

/** Delivers signals in the given order, asserting at every step that nothing regresses. */
function deliver(order: readonly CallSignalInput[]): CallSnapshot | null {
  let call: CallSnapshot | null = null
  for (const input of order) {
    const before = call
    call = applyCallSignal(call, input).next
    if (before && call) assertNoRegression(before, call)
  }
  return call
}

function assertNoRegression(before: CallSnapshot, after: CallSnapshot): void {
  if (before.state !== 'ringing') expect(after.state).not.toBe('ringing')
  if (isCallFinished(before)) {
    expect(isCallFinished(after)).toBe(true)
    expect(after.endedAt!.getTime()).toBeLessThanOrEqual(before.endedAt!.getTime())
  }
  if (before.answeredBy) expect(after.answeredBy).toBe(before.answeredBy)
  expect(after.startedAt.getTime()).toBeLessThanOrEqual(before.startedAt.getTime())
  expect(after.lastSignalAt.getTime()).toBeGreaterThanOrEqual(before.lastSignalAt.getTime())
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  )
}

/** mulberry32: small, seeded, good enough to shuffle. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffledWithDuplicates(items: readonly CallSignalInput[], random: () => number): CallSignalInput[] {
  const withDuplicates = items.flatMap((item) => (random() < 0.3 ? [item, { ...item }] : [item]))
  for (let i = withDuplicates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[withDuplicates[i], withDuplicates[j]] = [withDuplicates[j], withDuplicates[i]]
  }
  return withDuplicates
}

describe('call outcome does not depend on arrival order', () => {
  it.each(Object.entries(scenarios))('%s — every permutation', (_name, signals) => {
    const expected = canonicalOutcome(signals)
    for (const order of permutations(signals)) {
      expect({ order: order.map((x) => x.signal), outcome: outcomeOf(deliver(order)) }).toEqual({
        order: order.map((x) => x.signal),
        outcome: expected,
      })
    }
  })

  it.each(Object.entries(scenarios))('%s — 300 seeded shuffles with duplicate deliveries', (name, signals) => {
    const expected = canonicalOutcome(signals)
    const random = seededRandom([...name].reduce((h, c) => h * 31 + c.charCodeAt(0), 7))
    for (let run = 0; run < 300; run++) {
      expect(outcomeOf(deliver(shuffledWithDuplicates(signals, random)))).toEqual(expected)
    }
  })

  it('in device-time order the reducer and the canonical machine agree step by step on the final call', () => {
    for (const signals of Object.values(scenarios)) {
      expect(outcomeOf(deliver(signals))).toEqual(canonicalOutcome(signals))
    }
  })
})
