// The PIN policy: every guessable family is refused with a reason, and ordinary PINs pass.
import { describe, expect, it } from 'vitest'
import { pinPolicyProblems, pinPolicyRefusals, pinRefusalFields } from '@/lib/credentials/pin-policy'

describe('pinPolicyProblems', () => {
  it.each(['582914', '3071946', '60418273', '482913'])('accepts %s', (pin) => {
    expect(pinPolicyProblems(pin, { phone: '+33 6 12 34 56 78', unitLabel: 'A-1203' })).toEqual([])
  })

  it.each([
    ['12345', /6 to 8 digits/],
    ['123456789', /6 to 8 digits/],
    ['12a456', /digits only/],
    ['12 3456', /digits only/],
    ['777777', /repeat one digit/],
    ['121212', /repeat a short pattern/],
    ['123123', /repeat a short pattern/],
    ['12341234', /repeat a short pattern/],
    ['123456', /digits in a row/],
    ['987654', /digits in a row/],
    ['8901234', /digits in a row/],
    ['159753', /most common PINs/],
    ['11223344', /most common PINs/],
  ])('refuses %s', (pin, problem) => {
    const problems = pinPolicyProblems(pin)
    expect(problems.join('; ')).toMatch(problem)
    expect(problems.join('; ')).not.toContain(pin)
  })

  it('refuses the end of the resident’s phone number and their unit number', () => {
    expect(pinPolicyProblems('475280', { phone: '+33 6 91 47 52 80' })).toEqual([
      'pin: do not use the end of the resident’s phone number',
    ])
    expect(pinPolicyProblems('912036', { unitLabel: 'A-1203' })).toEqual(['pin: do not use the resident’s unit number'])
    // A two-digit unit number is everywhere: not refused for it.
    expect(pinPolicyProblems('381947', { unitLabel: 'B-19' })).toEqual([])
  })

  it('names each broken rule by a reason the console translates, never with the PIN', () => {
    const refusals = pinPolicyRefusals('121212', { phone: '+86 138 0012 1212' })
    expect(refusals.map((r) => r.reason)).toEqual(['pin_repeated_pattern', 'pin_phone_tail'])
    expect(pinRefusalFields(pinPolicyRefusals('12345'))).toEqual([
      { path: 'pin', reason: 'pin_length', min: 6, max: 8 },
    ])
    expect(JSON.stringify(pinRefusalFields(refusals))).not.toContain('121212')
  })
})
