// What the control API can ask a device to do (simulator/README.md "Control API").
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
