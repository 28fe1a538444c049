// Card numbers: one spelling per card, so the duplicate check across residents cannot be dodged by formatting.
import { describe, expect, it } from 'vitest'
import { maskCardNumber, normaliseCardNumber } from '@/lib/credentials/card-number'

describe('normaliseCardNumber', () => {
  it.each([
    ['0a:1b:2c:01', '0A1B2C01'],
    ['  0A 1B 2C 01 ', '0A1B2C01'],
    ['0a-1b-2c-01', '0A1B2C01'],
    ['0012345678', '0012345678'],
  ])('reads %j as %s', (raw, value) => {
    expect(normaliseCardNumber(raw)).toEqual({ ok: true, value })
  })

  it.each([
    ['', /enter the card number/, 'required'],
    ['12G45678', /only the digits 0–9 and the letters A–F/, 'card_characters'],
    ['<script>', /only the digits/, 'card_characters'],
    ['12345', /6 to 20 digits \(got 5\)/, 'card_length'],
    ['1'.repeat(21), /6 to 20 digits \(got 21\)/, 'card_length'],
  ])('refuses %j, with the reason the console translates', (raw, message, reason) => {
    const result = normaliseCardNumber(raw)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.message).toMatch(message)
    expect(result.ok ? '' : result.reason).toBe(reason)
  })
})

describe('maskCardNumber', () => {
  it('shows the last 4 characters, or 2 of a short number', () => {
    expect(maskCardNumber('0A1B2C01')).toBe('•••• 2C01')
    expect(maskCardNumber('123456')).toBe('•••• 56')
  })
})
