// Which call a signal belongs to, for devices that do not name their calls (Tuya DPs carry no call id,
// docs/tuya-devices.md §5.4): the persistence layer keeps one "current" call per device and asks these questions
// before applying a signal.
import type { AccessResult } from '@/lib/domain/enums'
import type { CallSignal } from '@/lib/ingest/normalise/normalised'
import { CALL_RING_TIMEOUT_MS, isCallFinished, type CallSignalInput, type CallSnapshot } from './call-state-machine'

/**
 * Tuya rarely reports a hang-up to the cloud (§5.1), so an answered call can stay open. A ring this long after its
 * last signal is a new visit, not the same visitor pressing again.
 */
export const CALL_SAME_VISIT_MS = 2 * 60_000

/**
 * Whether a ring starts a new call rather than repeating the device's current one. A ringing call past its
 * timeout should be expired first (expireRingingCall), then the ring opens the next call.
 */
export function startsNewCall(current: CallSnapshot | null, input: CallSignalInput): boolean {
  if (input.signal !== 'ring') return false
  if (current === null) return true
  const at = input.at.getTime()
  if (isCallFinished(current)) return at > (current.endedAt ?? current.lastSignalAt).getTime()
  if (current.state === 'ringing') return at - current.startedAt.getTime() >= CALL_RING_TIMEOUT_MS
  return at - current.lastSignalAt.getTime() > CALL_SAME_VISIT_MS
}

/**
 * A granted opening on a device while its call rings or is answered ends that call as `door_opened` (§5.4;
 * not only a remote unlock: any opening lets the visitor in). With no live call the reducer ignores it.
 */
export function callSignalForAccess(access: { result: AccessResult }): CallSignal | null {
  return access.result === 'granted' ? 'door_opened' : null
}
