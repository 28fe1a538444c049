// What the control API can ask a device to do (simulator/README.md "Control API").
import type { EmittedMessage } from '@/simulator/mq/emitted-message'

export const TRIGGER_KINDS = [
  'face_unlock',
  'card_unlock',
  'pin_unlock',
  'remote_unlock',
  'unlock_failed',
  'doorbell',
  'call_answered',
  'call_missed',
  'tamper',
  'loitering',
  'repeated_failures',
  'duress',
  'low_battery',
  'offline',
  'online',
] as const
export type TriggerKind = (typeof TRIGGER_KINDS)[number]

/** A trigger the device cannot perform (e.g. a face unlock for someone not enrolled on it). */
export class TriggerError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Who stands at the door. At most one is given: a demo resident, a person (or lock member) enrolled through the
 * OpenAPI, or just the card / PIN presented. None: a random enrolled person, as the demo traffic does.
 */
export type TriggerActor = { residentId?: string; personId?: string; cardNo?: string; pin?: string }

/** Why a device refused an unlock (the trigger's answer names it so tests can assert it). */
export type RefusalReason = 'not_enrolled' | 'outside_validity' | 'already_used'

export type AccessOutcome =
  | { outcome: 'granted'; person?: { personId: string; name: string }; tempPasswordId?: number }
  | { outcome: 'refused'; reason: RefusalReason }

/** What a trigger did: the messages the device emitted and, for unlock attempts, whether it opened. */
export type TriggerResult = { messages: EmittedMessage[]; access?: AccessOutcome }
