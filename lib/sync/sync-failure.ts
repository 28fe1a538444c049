// Why a push failed, in the words an operator can act on: Tuya's own code and message when Tuya answered, ours
// otherwise, and whether waiting helps. Transient failures (rate limits, Tuya's 5xx, timeouts, a device that is
// offline) are retried automatically with exponential backoff and jitter; the others wait for an operator's retry
// or the next change to the resident.
import { AppError } from '@/lib/errors'
import { TuyaApiError, TuyaTransportError } from '@/lib/tuya/errors'

export type SyncFailure = {
  code: string
  message: string
  transient: boolean
  /** The device could not be reached: retried at once when it comes back online. */
  offline: boolean
}

/** Tuya codes meaning "the device is not reachable right now" (docs/tuya-protocol.md §2.4). */
export const OFFLINE_CODES = ['2001', '2007'] as const

/**
 * A Tuya refusal that another row's push may clear: a card number or PIN still held by someone else on the device
 * (answered 1109) until that person's removal reaches it. Retried with backoff instead of waiting for an operator.
 */
export class HeldElsewhereError extends Error {
  constructor(readonly cause: TuyaApiError) {
    super(`${cause.msg} (the device may still give it to another person until their removal is pushed)`)
    this.name = 'HeldElsewhereError'
  }
}

export function classifyFailure(error: unknown): SyncFailure {
  if (error instanceof HeldElsewhereError) {
    return { code: String(error.cause.code), message: error.message, transient: true, offline: false }
  }
  if (error instanceof TuyaApiError) {
    const code = String(error.code)
    const offline = (OFFLINE_CODES as readonly string[]).includes(code)
    const transient = offline || error.isRetryable || error.kind === 'token'
    return { code, message: error.msg, transient, offline }
  }
  if (error instanceof TuyaTransportError) {
    const code = error.failure === 'http' ? `http_${error.httpStatus ?? 'error'}` : error.failure
    const transient = error.isRetryable || error.failure === 'timeout' || error.failure === 'network'
    return { code, message: error.message, transient, offline: false }
  }
  if (error instanceof AppError) return { code: error.code, message: error.message, transient: false, offline: false }
  // Our own trouble (database unavailable mid-push…): worth another try.
  return {
    code: 'internal',
    message: error instanceof Error ? error.message : String(error),
    transient: true,
    offline: false,
  }
}

export type BackoffPolicy = { baseMs: number; maxMs: number; random: () => number }

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 10 * 60_000, random: Math.random }

/** Delay before attempt `attempts + 1`: exponential, capped, with jitter in its upper half (never zero). */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2)
}

/** Codes our own code raises, named once. */
export const syncError = {
  noPublicUrl: () =>
    new AppError(
      'no_public_url',
      'Faces are sent to Tuya as a URL it downloads: set PUBLIC_BASE_URL to an address Tuya Cloud can reach.',
    ),
  pinUnreadable: (credentialId: string) =>
    new AppError(
      'pin_unreadable',
      `PIN ${credentialId} cannot be unsealed with this server's secret (AUTH_SECRET changed?): enrol it again.`,
    ),
  leaseLost: () => new AppError('lease_lost', 'Another worker took this row over; it finishes the push.'),
}
