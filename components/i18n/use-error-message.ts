'use client'

// An API failure as the operator reads it. The server's stable English `code` picks a translated sentence
// (`errors.<code>`); a refused field is said from its machine-readable reason (`error.details.fields`,
// lib/http/field-issues.ts) rather than the server's English, and a conflict from `error.details.reason`. A code the
// console does not know falls back to the server's own message.
import { useMessages, useTranslations } from 'next-intl'
import { useCallback } from 'react'
import { isFieldReason, type FieldIssue } from '@/lib/http/field-issues'

const has = (table: object | undefined, key: string | undefined): key is string =>
  key !== undefined && table !== undefined && Object.hasOwn(table, key)

type Parts = { code?: string; message: string; details: Record<string, unknown> }

/** Code, English message and details of an ApiError (its `body`), or of any `{code, message}` object. */
function partsOf(error: unknown): Parts {
  const object: Record<string, unknown> = typeof error === 'object' && error !== null ? { ...error } : {}
  const code = object.code === undefined ? undefined : String(object.code)
  const message =
    error instanceof Error ? error.message : typeof object.message === 'string' ? object.message : String(error)
  const answer = (error as { body?: { error?: { details?: unknown } } } | null)?.body
  const details = answer?.error?.details
  return { code, message, details: typeof details === 'object' && details !== null ? { ...details } : {} }
}

const numberOr = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)

/** The field issues a failure carries, each checked (a drifted or hostile answer yields none, never a crash). */
export function fieldIssuesIn(error: unknown): FieldIssue[] {
  const { fields } = partsOf(error).details
  if (!Array.isArray(fields)) return []
  return fields.flatMap((raw: unknown): FieldIssue[] => {
    if (typeof raw !== 'object' || raw === null) return []
    const { path, reason, min, max, values } = raw as Record<string, unknown>
    if (typeof path !== 'string' || typeof reason !== 'string') return []
    return [
      {
        path: path.slice(0, 200),
        reason: isFieldReason(reason) ? reason : 'invalid',
        min: numberOr(min),
        max: numberOr(max),
        values: Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : undefined,
      },
    ]
  })
}

/** A translator over the whole catalogue (next-intl's `useTranslations()` or `createTranslator`). */
export type Say = (key: string, values?: Record<string, string | number>) => string
type Catalogue = { errors: object; conflicts: object; validation: { fields: object } }

/** One refused field in words: "Name: Fill this in." (or the reason alone, for a field the screen shows). */
export function sayFieldIssue(say: Say, catalogue: Catalogue, issue: FieldIssue, withField = true): string {
  const reason = say(`validation.reasons.${issue.reason}`, {
    min: issue.min ?? '',
    max: issue.max ?? '',
    values: (issue.values ?? []).join(', '),
  })
  if (!withField || issue.path === 'body') return reason
  const name = issue.path.split('.').findLast((part) => !/^\d+$/.test(part)) ?? issue.path
  const field = has(catalogue.validation.fields, name) ? say(`validation.fields.${name}`) : issue.path
  return say('validation.fieldIssue', { field, reason })
}

export type ErrorMessageOptions = {
  /** For an unknown code, the server's message alone (a device's own words), not "Something went wrong: …". */
  unknownAsIs?: boolean
}

/** A failure in the operator's language (see the top of this file). */
export function sayError(say: Say, catalogue: Catalogue, error: unknown, options: ErrorMessageOptions = {}): string {
  const { code, message, details } = partsOf(error)
  const reason = typeof details.reason === 'string' ? details.reason : undefined
  if (code === 'conflict' && has(catalogue.conflicts, reason))
    return say(`conflicts.${reason}`, { max: numberOr(details.max) ?? '' })
  if (has(catalogue.errors, code)) {
    const issues = fieldIssuesIn(error)
    const said = issues.length
      ? issues
          .map((issue) => sayFieldIssue(say, catalogue, issue, code !== 'weak_pin'))
          .join(say('validation.separator'))
      : message
    return say(`errors.${code}`, { message: said })
  }
  if (error instanceof TypeError) return say('errors.network')
  return options.unknownAsIs ? message : say('errors.unknown', { message })
}

function useSay(): [Say, Catalogue] {
  const t = useTranslations()
  const messages = useMessages()
  return [t as unknown as Say, messages]
}

export function useFieldIssueText(): (issue: FieldIssue, withField?: boolean) => string {
  const [say, catalogue] = useSay()
  return useCallback((issue, withField) => sayFieldIssue(say, catalogue, issue, withField), [say, catalogue])
}

export function useErrorMessage(): (error: unknown, options?: ErrorMessageOptions) => string {
  const [say, catalogue] = useSay()
  return useCallback((error, options) => sayError(say, catalogue, error, options), [say, catalogue])
}
