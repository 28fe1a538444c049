// Card numbers as readers report them: decimal (Wiegand, EM4100 printed numbers) or hexadecimal (Mifare UIDs).
// Spaces, dashes and colons are how people copy them from a label; they are dropped and letters uppercased, so
// "0a:1b:2c:01" and "0A1B2C01" are the same card and can be held by one resident only. Leading zeros are kept:
// readers send them, and the device compares the number as text.

export const CARD_NUMBER_RULES = { minLength: 6, maxLength: 20 } as const

export type CardNumber =
  { ok: true; value: string } | { ok: false; message: string; reason: 'required' | 'card_characters' | 'card_length' }

export function normaliseCardNumber(raw: string): CardNumber {
  const value = raw
    .trim()
    .replace(/[\s:-]+/g, '')
    .toUpperCase()
  if (!value) return { ok: false, message: 'cardNo: enter the card number', reason: 'required' }
  if (!/^[0-9A-F]+$/.test(value)) {
    return {
      ok: false,
      message:
        'cardNo: a card number has only the digits 0–9 and the letters A–F (spaces, dashes and colons are ignored)',
      reason: 'card_characters',
    }
  }
  const { minLength, maxLength } = CARD_NUMBER_RULES
  if (value.length < minLength || value.length > maxLength) {
    return {
      ok: false,
      message: `cardNo: a card number has ${minLength} to ${maxLength} digits (got ${value.length})`,
      reason: 'card_length',
    }
  }
  return { ok: true, value }
}

/** What someone who does not manage credentials sees: the last 4 characters (2 for a short number). */
export function maskCardNumber(value: string): string {
  const shown = value.length >= 8 ? 4 : 2
  return `•••• ${value.slice(-shown)}`
}

export const cardUniqueKey = (normalised: string) => `card:${normalised}`
