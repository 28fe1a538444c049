// What a resident's door PIN may be. Someone watching the keypad, or trying the obvious, should not get in
// within a few guesses: so no runs, no repeats, nothing from the common-PIN lists, and nothing an intruder can
// read off the resident (their phone number's tail, their unit number). The PIN is typed once by the admin and
// never shown again, so the panel explains the rules up front (credentials.pin.hint in the catalogues).

import type { FieldIssue, FieldReason } from '@/lib/http/field-issues'

export const PIN_RULES = { minLength: 6, maxLength: 8 } as const

/** Frequently chosen PINs of 6–8 digits (beyond the runs and repeats refused by rule). */
const COMMON_PINS = new Set([
  '112233',
  '123321',
  '654456',
  '159753',
  '147258',
  '258369',
  '147852',
  '258456',
  '741852',
  '963852',
  '789456',
  '456789',
  '102030',
  '010203',
  '696969',
  '520520',
  '520131',
  '131313',
  '246810',
  '135790',
  '013579',
  '147369',
  '159357',
  '753159',
  '11223344',
  '12344321',
  '20202020',
  '19851985',
  '13579135',
  '24682468',
])

const isRun = (pin: string, step: 1 | -1) =>
  [...pin].every((digit, i) => i === 0 || (Number(pin[i - 1]) + step + 10) % 10 === Number(digit))

/** True when the PIN is one block of 1–4 digits repeated (111111, 121212, 123123, 12341234). */
const isRepeatedBlock = (pin: string) =>
  [1, 2, 3, 4].some((size) => pin.length % size === 0 && pin === pin.slice(0, size).repeat(pin.length / size))

const digitsOf = (text: string | null | undefined) => (text ?? '').replace(/\D/g, '')

export type PinContext = { phone?: string | null; unitLabel?: string | null }

type PinReason = Extract<FieldReason, `pin_${string}`>
/** A rule the PIN breaks: the reason the console translates, and the English message the API answers with. */
export type PinRefusal = { reason: PinReason; message: string }

/** Every rule the PIN breaks; empty when it may be used. Never echoes the PIN. */
export function pinPolicyRefusals(pin: string, context: PinContext = {}): PinRefusal[] {
  const { minLength, maxLength } = PIN_RULES
  const refusal = (reason: PinReason, message: string): PinRefusal => ({ reason, message: `pin: ${message}` })
  if (!/^\d+$/.test(pin)) return [refusal('pin_digits_only', 'use digits only')]
  if (pin.length < minLength || pin.length > maxLength)
    return [refusal('pin_length', `use ${minLength} to ${maxLength} digits`)]
  const problems: PinRefusal[] = []
  if (/^(\d)\1+$/.test(pin)) problems.push(refusal('pin_repeated_digit', 'do not repeat one digit'))
  else if (isRepeatedBlock(pin))
    problems.push(refusal('pin_repeated_pattern', 'do not repeat a short pattern of digits'))
  if (isRun(pin, 1) || isRun(pin, -1))
    problems.push(refusal('pin_sequence', 'do not use digits in a row, counting up or down'))
  if (COMMON_PINS.has(pin)) problems.push(refusal('pin_common', 'this is one of the most common PINs; choose another'))
  const phone = digitsOf(context.phone)
  if (phone.length >= pin.length && phone.endsWith(pin)) {
    problems.push(refusal('pin_phone_tail', 'do not use the end of the resident’s phone number'))
  }
  const unit = digitsOf(context.unitLabel)
  if (unit.length >= 3 && pin.includes(unit))
    problems.push(refusal('pin_unit_number', 'do not use the resident’s unit number'))
  return problems
}

/** Every rule the PIN breaks, as `pin: …` messages; empty when it may be used. Never echoes the PIN. */
export function pinPolicyProblems(pin: string, context: PinContext = {}): string[] {
  return pinPolicyRefusals(pin, context).map((r) => r.message)
}

/** The refusals as field issues for the API's answer (lib/http/field-issues.ts). */
export function pinRefusalFields(refusals: PinRefusal[]): FieldIssue[] {
  const { minLength: min, maxLength: max } = PIN_RULES
  return refusals.map(({ reason }) => ({ path: 'pin', reason, ...(reason === 'pin_length' ? { min, max } : {}) }))
}
