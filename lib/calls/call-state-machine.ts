// The call life cycle as a pure reducer (docs/tuya-devices.md §5.4):
//
//   (none) ──ring──► ringing ──answered──► answered ──hangup/cancelled──► answered + endedAt
//                       │                     └──door_opened──► door_opened
//                       ├──declined / missed / cancelled / door_opened──► that state
//                       └──hangup──► cancelled (the visitor gave up before anyone answered)
//
// Tuya promises no ordering (docs/tuya-protocol.md §3.11) and we infer `missed` ourselves after a timeout, so signals
// arrive late and out of order. Rules that keep the outcome independent of arrival order:
// - A finished call never becomes live again: no ring or answer reopens it.
// - Among ending signals the EARLIEST by device time decides (a late `door_opened` at 20 s beats the `missed` we
//   inferred at 30 s); so a finished call may be corrected to an earlier ending, never to a later one.
// - A `cancelled` call that turns out to have been answered before it ended was a hang-up of an answered call.
// - Known order dependence, by design: `missed` arriving before an earlier `answered` keeps the call missed (with
//   the answerer recorded), where the other order keeps it answered. Only a device clock or a >30 s delivery delay
//   produces that order, and reopening a finished call on the guard's screen would be worse.
// - A signal older than the live state that would only have been an earlier step (a ring after the answer) is
//   ignored; it may still move `startedAt` earlier, which is data, not a transition.
// - Only `ring`, or a signal naming its call (`callRef`, vendor callId), opens a call: a `missed` countdown or an
//   opening on a device with no call in progress must not invent one.
import type { CallState } from '@/lib/domain/enums'
import type { CallSignal } from '@/lib/ingest/normalise/normalised'

/**
 * Ring time before an unanswered call counts as missed: Tuya's two-way talk default `call_timeout_s`
 * (docs/tuya-devices.md §5.2).
 */
export const CALL_RING_TIMEOUT_MS = 30_000

export type CallSnapshot = {
  state: CallState
  startedAt: Date
  endedAt?: Date
  answeredBy?: string
  lastSignalAt: Date
}

export type CallSignalInput = {
  signal: CallSignal
  at: Date
  /** Who answered (a user id), for `answered` from a console. */
  by?: string
  /** The call the signal names (vendor callId); only then may a signal other than `ring` open a call. */
  callRef?: string
}

export type CallTransition = { from: CallState | null; to: CallState; signal: CallSignal }

export type CallSignalResult = { next: CallSnapshot | null; changed: boolean; transition?: CallTransition }

type EndingSignal = Exclude<CallSignal, 'ring' | 'answered'>

const UNANSWERED_END: Readonly<Record<EndingSignal, CallState>> = {
  declined: 'declined',
  missed: 'missed',
  cancelled: 'cancelled',
  hangup: 'cancelled',
  door_opened: 'door_opened',
}

/** Ended: a terminal state, or an answered call that has hung up. */
export function isCallFinished(call: Pick<CallSnapshot, 'state' | 'endedAt'>): boolean {
  return call.state !== 'ringing' && (call.state !== 'answered' || call.endedAt !== undefined)
}

export function applyCallSignal(call: CallSnapshot | null, input: CallSignalInput): CallSignalResult {
  if (call === null) return openCall(input)
  if (isCallFinished(call)) return applyToFinished(call, input)
  if (call.state === 'ringing') return applyToRinging(call, input)
  return applyToAnswered(call, input)
}

/** Marks a call that has rung for CALL_RING_TIMEOUT_MS as missed, at the moment it timed out (not `now`). */
export function expireRingingCall(call: CallSnapshot | null, now: Date): CallSignalResult {
  if (call === null || call.state !== 'ringing') return unchanged(call)
  const expiresAt = call.startedAt.getTime() + CALL_RING_TIMEOUT_MS
  if (now.getTime() < expiresAt) return unchanged(call)
  return applyCallSignal(call, { signal: 'missed', at: new Date(expiresAt) })
}

function openCall({ signal, at, by, callRef }: CallSignalInput): CallSignalResult {
  if (signal !== 'ring' && callRef === undefined) return unchanged(null)
  const base = { startedAt: at, lastSignalAt: at }
  if (signal === 'ring') return moved(null, { ...base, state: 'ringing' }, signal)
  if (signal === 'answered') return moved(null, { ...base, state: 'answered', ...answerer(by) }, signal)
  return moved(null, { ...base, state: UNANSWERED_END[signal], endedAt: at }, signal)
}

function applyToRinging(call: CallSnapshot, { signal, at, by }: CallSignalInput): CallSignalResult {
  if (signal === 'ring') return refineStart(call, at)
  const next = { ...touch(call, at), startedAt: earlier(call.startedAt, at) }
  if (signal === 'answered') return moved(call, { ...next, state: 'answered', ...answerer(by) }, signal)
  return moved(call, { ...next, state: UNANSWERED_END[signal], endedAt: at }, signal)
}

function applyToAnswered(call: CallSnapshot, { signal, at, by }: CallSignalInput): CallSignalResult {
  switch (signal) {
    case 'ring':
      return refineStart(call, at)
    case 'answered':
      return fillAnswerer(call, at, by)
    case 'declined':
    case 'missed':
      // An answered call is neither; an unlock_request countdown reaching 0 after the answer lands here.
      return unchanged(call)
    case 'hangup':
    case 'cancelled':
      // Older than the answer: it could only have been the ringing call's cancellation, an earlier step.
      if (at < call.lastSignalAt) return unchanged(call)
      return moved(call, { ...touch(call, at), endedAt: at }, signal)
    case 'door_opened':
      return moved(call, { ...touch(call, at), state: 'door_opened', endedAt: at }, signal)
  }
}

function applyToFinished(call: CallSnapshot, { signal, at, by }: CallSignalInput): CallSignalResult {
  const endedAt = call.endedAt ?? call.lastSignalAt
  if (signal === 'ring') return refineStart(call, at)
  if (at > endedAt) return unchanged(call) // after the end: late news of another call, or a duplicate
  const next = { ...touch(call, at), startedAt: earlier(call.startedAt, at) }

  if (signal === 'answered') {
    // Answered before the call ended: the "cancel" was the hang-up of an answered call.
    if (call.state === 'cancelled') return moved(call, { ...next, state: 'answered', ...answerer(by) }, signal)
    // A miss is only an inference (timeout, countdown); an answer from before it stays on record, but the call
    // stays missed: an answer never moves a finished call back. A decline is the device's word: kept as is.
    if (call.state !== 'declined') return fillAnswerer(call, at, by)
    return unchanged(call)
  }

  if (at.getTime() === endedAt.getTime()) return unchanged(call)
  const wasAnswered = call.state === 'answered' || call.answeredBy !== undefined
  if (!wasAnswered) return moved(call, { ...next, state: UNANSWERED_END[signal], endedAt: at }, signal)
  if (signal === 'declined' || signal === 'missed') return unchanged(call)
  const state: CallState = signal === 'door_opened' ? 'door_opened' : 'answered'
  return moved(call, { ...next, state, endedAt: at }, signal)
}

function refineStart(call: CallSnapshot, at: Date): CallSignalResult {
  if (at >= call.startedAt) return unchanged(call)
  return { next: { ...call, startedAt: at }, changed: true }
}

/** First answerer keeps the call; a later answer only names the answerer if nobody was named yet. */
function fillAnswerer(call: CallSnapshot, at: Date, by: string | undefined): CallSignalResult {
  if (call.answeredBy !== undefined || by === undefined) return unchanged(call)
  return { next: { ...touch(call, at), startedAt: earlier(call.startedAt, at), answeredBy: by }, changed: true }
}

function moved(from: CallSnapshot | null, next: CallSnapshot, signal: CallSignal): CallSignalResult {
  return { next, changed: true, transition: { from: from?.state ?? null, to: next.state, signal } }
}

function unchanged(call: CallSnapshot | null): CallSignalResult {
  return { next: call, changed: false }
}

function touch(call: CallSnapshot, at: Date): CallSnapshot {
  return { ...call, lastSignalAt: at > call.lastSignalAt ? at : call.lastSignalAt }
}

function earlier(a: Date, b: Date): Date {
  return b < a ? b : a
}

function answerer(by: string | undefined): { answeredBy?: string } {
  return by === undefined ? {} : { answeredBy: by }
}
