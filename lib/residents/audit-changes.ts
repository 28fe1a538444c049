// What a resident change records in the audit trail: the fields that changed, each from → to, and nothing else.
// Also how an erasure takes the personal values back out of the trail it already wrote.
import type { ResidentItem } from '@/lib/residents/schema'

/** The audited fields of a resident, as people read them (the unit by its label, times as ISO strings). */
export const AUDITED_FIELDS = [
  'name',
  'unit',
  'kind',
  'status',
  'phone',
  'email',
  'notes',
  'validFrom',
  'validUntil',
] as const
type AuditedField = (typeof AUDITED_FIELDS)[number]
export type AuditedValues = Record<AuditedField, string | null>
export type FieldChanges = Partial<Record<AuditedField, { from: string | null; to: string | null }>>

/** Personal data: blanked on erasure, and redacted from earlier audit rows about the resident. */
export const PERSONAL_FIELDS: readonly string[] = ['name', 'unit', 'phone', 'email', 'notes']
export const REDACTED = '[erased]'

export function auditedValues(item: ResidentItem): AuditedValues {
  return {
    name: item.name,
    unit: item.unit ? (item.building ? `${item.building} / ${item.unit}` : item.unit) : null,
    kind: item.kind,
    status: item.status,
    phone: item.phone,
    email: item.email,
    notes: item.notes,
    validFrom: item.validFrom,
    validUntil: item.validUntil,
  }
}

/** The fields whose value differs; `before` null for a creation (every set field is a change from null). */
export function changedFields(before: AuditedValues | null, after: AuditedValues): FieldChanges {
  const changes: FieldChanges = {}
  for (const field of AUDITED_FIELDS) {
    const from = before ? before[field] : null
    if (from !== after[field]) changes[field] = { from, to: after[field] }
  }
  return changes
}

/**
 * An audit row's details with the resident's personal data replaced: the personal fields of `changes`, and any
 * string equal to one of the values being erased. Who did what and when stays; JSON that is not ours stays as is.
 */
export function redactDetails(details: string, erasedValues: readonly string[]): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(details)
  } catch {
    return details
  }
  const erased = new Set(erasedValues.filter((v) => v.length > 0))
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return erased.has(value) ? REDACTED : value
    if (Array.isArray(value)) return value.map((v) => walk(v))
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).map(([k, v]): [string, unknown] => {
        if (key === 'changes' && PERSONAL_FIELDS.includes(k)) return [k, { from: REDACTED, to: REDACTED }]
        return [k, walk(v, k)]
      })
      return Object.fromEntries(entries)
    }
    return value
  }
  return JSON.stringify(walk(parsed))
}
