// What every per-shape normaliser knows besides the body: when we received it and what the outer envelope said.
import type { NormalisedMessage } from './normalised'

export type NormaliseContext = {
  receivedAt: Date
  /** Envelope `t` (push time), when the message came wrapped and it was plausible. */
  envelopeTime: Date | null
  /** Envelope `protocol`, when the message came wrapped. */
  protocol: number | null
}

/** Time to use when the body names none: the envelope's push time, else our receive time. */
export function fallbackTime(ctx: NormaliseContext): Date {
  return ctx.envelopeTime ?? ctx.receivedAt
}

export function unrecognisedMessage(
  reason: string,
  ctx: NormaliseContext,
  known: { deviceId?: string | null; sourceMessageId?: string | null } = {},
): NormalisedMessage {
  return {
    shape: 'unknown',
    sourceMessageId: known.sourceMessageId ?? null,
    deviceId: known.deviceId ?? null,
    occurredAt: fallbackTime(ctx),
    items: [],
    unrecognisedReason: reason,
  }
}
