// A schema's refusal as field issues (lib/http/field-issues.ts): the zod issue code and its bounds, or the
// reason a refinement of ours names in `params.reason`. Never the input itself (it may be a PIN).
import type { z } from 'zod'
import { isFieldReason, type FieldIssue, type FieldReason } from '@/lib/http/field-issues'

type Issue = z.core.$ZodIssue

const pathOf = (issue: Issue) => issue.path.map(String).join('.') || 'body'
const bound = (value: number | bigint) => Number(value)

function sizeReason(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): FieldIssue {
  const small = issue.code === 'too_small'
  const path = pathOf(issue)
  const limit = bound(small ? issue.minimum : issue.maximum)
  if (issue.origin === 'string') {
    if (small && limit <= 1) return { path, reason: 'required' }
    return small ? { path, reason: 'too_short', min: limit } : { path, reason: 'too_long', max: limit }
  }
  if (issue.origin === 'array' || issue.origin === 'set')
    return small ? { path, reason: 'too_few', min: limit } : { path, reason: 'too_many', max: limit }
  return small ? { path, reason: 'too_small', min: limit } : { path, reason: 'too_big', max: limit }
}

function reasonOf(issue: Issue): FieldIssue[] {
  const path = pathOf(issue)
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return [sizeReason(issue)]
    case 'invalid_type':
      // zod does not keep the input on the issue; its message says when the field was left out.
      if (/received (undefined|null)$/.test(issue.message)) return [{ path, reason: 'required' }]
      return [{ path, reason: issue.expected === 'int' ? 'not_integer' : 'invalid_type' }]
    case 'invalid_format': {
      const format: string = issue.format
      if (format === 'email') return [{ path, reason: 'invalid_email' }]
      if (['datetime', 'date', 'time', 'duration'].includes(format)) return [{ path, reason: 'invalid_date' }]
      return [{ path, reason: 'invalid_format' }]
    }
    case 'invalid_value':
      return [{ path, reason: 'not_one_of', values: issue.values.map(String) }]
    case 'unrecognized_keys':
      return [{ path, reason: 'unknown_field', values: issue.keys }]
    case 'not_multiple_of':
      return [{ path, reason: 'not_multiple_of' }]
    case 'custom': {
      const named = issue.params?.reason
      const reason: FieldReason = typeof named === 'string' && isFieldReason(named) ? named : 'invalid'
      return [{ path, reason }]
    }
    default:
      return [{ path, reason: 'invalid' }]
  }
}

export function fieldIssuesOf(issues: readonly Issue[]): FieldIssue[] {
  return issues.flatMap(reasonOf)
}
