// Maps any thrown error to the API's error body `{"error":{"code","message"}}` with the right status. A schema's
// refusal also carries `details.fields` (lib/http/field-issues.ts), which the console translates.
import { ZodError } from 'zod'
import { AppError, VersionConflictError } from '@/lib/errors'
import type { ErrorCode } from '@/lib/http/error-codes'
import { fieldIssuesOf } from '@/lib/http/zod-field-issues'
import { isDatabaseUnavailable } from '@/lib/db/errors'

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } }
}

export function errorResponse(error: unknown): Response {
  if (error instanceof VersionConflictError) {
    const body = { error: { code: error.code, message: error.message, current: error.current } }
    return Response.json(body, { status: error.status })
  }
  if (error instanceof AppError) {
    return Response.json(errorBody(error.code, error.message, error.details), { status: error.status })
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    const fields = fieldIssuesOf(error.issues)
    return Response.json(errorBody('bad_request', issues.join('; '), { issues, fields }), { status: 400 })
  }
  if (isDatabaseUnavailable(error)) {
    return Response.json(errorBody('unavailable', 'Storage is unavailable; retry later'), { status: 503 })
  }
  console.error('[api] unhandled error', error)
  return Response.json(errorBody('internal', 'Unexpected server error'), { status: 500 })
}
