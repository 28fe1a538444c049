// Why the server refused a field, in a form the console can say in any language: a `400 bad_request` (and a
// `weak_pin`) carries `error.details.fields`, a list of `{path, reason, min?, max?, values?}` beside the English
// `message` and `details.issues` it always had. `path` names the field as the request body does (`days.calls`);
// `reason` is one of FIELD_REASONS, which every catalogue names under `validation.reasons`
// (lib/http/error-codes.test.ts). Browser-safe: no imports.
export const FIELD_REASONS = [
  // From the schema checks (lib/http/zod-field-issues.ts).
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'too_few',
  'too_many',
  'not_integer',
  'invalid_type',
  'invalid_email',
  'invalid_date',
  'invalid_format',
  'not_one_of',
  'unknown_field',
  'not_multiple_of',
  'invalid',
  // Rules of our own: a refinement's `params.reason`, or a check written in code.
  'validity_order',
  'range_order',
  'range_or_bounds',
  'no_slash',
  'phone_digits',
  'nothing_to_change',
  'unknown_reference',
  'invalid_json',
  'not_utf8',
  'unknown_time_zone',
  'card_characters',
  'card_length',
  'pin_digits_only',
  'pin_length',
  'pin_repeated_digit',
  'pin_repeated_pattern',
  'pin_sequence',
  'pin_common',
  'pin_phone_tail',
  'pin_unit_number',
] as const

export type FieldReason = (typeof FIELD_REASONS)[number]

export type FieldIssue = {
  /** The field as the request names it, dotted (`days.calls`); `body` for the request as a whole. */
  path: string
  reason: FieldReason
  /** The bound a length, number or list broke (`too_short`, `too_big`, …). */
  min?: number
  max?: number
  /** The allowed values (`not_one_of`) or the unexpected fields (`unknown_field`). */
  values?: string[]
}

export const isFieldReason = (value: string): value is FieldReason =>
  (FIELD_REASONS as readonly string[]).includes(value)

/** A refinement's `params`, naming its reason so the refusal reaches the console as that reason (type-checked). */
export const because = (reason: FieldReason) => ({ reason })
