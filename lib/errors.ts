// One error type for the whole app; each transport maps it once (HTTP: lib/http/error-response.ts).
import type { ConflictReason, ErrorCode } from '@/lib/http/error-codes'
import type { FieldIssue } from '@/lib/http/field-issues'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const unauthorized = (message = 'Sign in or send a valid API token') =>
  new AppError('unauthorized', message, 401)
export const forbidden = (message = 'Your role does not allow this') => new AppError('forbidden', message, 403)
export const notFound = (what: string) => new AppError('not_found', `${what} not found`, 404)
export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new AppError('bad_request', message, 400, details)
/** A field refused by a check written in code: the English message, and the reason the console translates. */
export const invalidField = (message: string, ...fields: FieldIssue[]) =>
  new AppError('bad_request', message, 400, { fields })
/** The request clashes with the state of things; `reason` says how (`max`: the limit that was reached). */
export const conflict = (message: string, reason: ConflictReason, max?: number) =>
  new AppError('conflict', message, 409, { reason, ...(max !== undefined ? { max } : {}) })
/**
 * An edit named a version that is no longer current (someone else saved first). The answer carries the current
 * item, so the editor can show what changed and start again from it.
 */
export class VersionConflictError extends AppError {
  constructor(
    message: string,
    readonly current: unknown,
  ) {
    super('version_conflict', message, 409)
    this.name = 'VersionConflictError'
  }
}

export const unavailable = (message = 'Storage is unavailable; retry later') =>
  new AppError('unavailable', message, 503)
