// PostgreSQL text (and jsonb) cannot hold the character U+0000, so a message carrying one, as a raw byte or as
// the JSON escape \u0000, could not be stored there and its sender would get a 5xx forever. Such characters are
// replaced by U+FFFD (the replacement character) before anything is normalised or stored, on both databases, so
// the stored text and the idempotency key are the same whichever database runs.
const NUL = '\u0000'
const REPLACEMENT = '\uFFFD'

/** True when a received text carries U+0000, raw or escaped. Cheap: most messages are skipped here. */
export function mayCarryNul(raw: string): boolean {
  return raw.includes(NUL) || raw.includes('\\u0000')
}

/** The value with U+0000 replaced in every string and key (depth-bounded input only: see json-depth.ts). */
export function replaceNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll(NUL, REPLACEMENT)
  if (Array.isArray(value)) return value.map(replaceNul)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replaceAll(NUL, REPLACEMENT), replaceNul(v)]))
}

export function replaceNulInText(raw: string): string {
  return raw.replaceAll(NUL, REPLACEMENT)
}
