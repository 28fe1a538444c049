// One error type for the whole app; each transport maps it once (HTTP: lib/http/error-response.ts).
export class AppError extends Error {
  constructor(
    readonly code: string,
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
export const conflict = (message: string) => new AppError('conflict', message, 409)
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
