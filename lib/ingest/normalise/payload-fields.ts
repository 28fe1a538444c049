// Lenient field access for inbound payloads. Tuya warns it may add keys at any time (docs/tuya-protocol.md §3.5) and the
// vendor records are only described, not specified (docs/tuya-devices.md §2.11), so field names are matched in
// camelCase, snake_case and kebab-case alike, and numbers/booleans are accepted as strings too.
import { z } from 'zod'

export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `dev_id` → `devId`, `biz-code` → `bizCode`, `devId` unchanged. */
export function toCamelKey(key: string): string {
  return key.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())
}

/** Same word regardless of case and separators: `access_record`, `accessRecord`, `AccessRecord` → `accessrecord`. */
export function toMatchToken(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, '')
}

/**
 * A lookup-table entry for a key taken from a payload. Plain `table[key]` would answer `constructor`,
 * `toString` or `__proto__` with Object.prototype's members, so a hostile code or bizCode could become a function.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

// Names that mean the same thing under another word; applied after camel-casing.
const KEY_SYNONYMS: Readonly<Record<string, string>> = {
  deviceId: 'devId',
}

/**
 * Shallow copy with every key camel-cased. A key already spelled in camelCase wins over a variant that maps to
 * the same name, so `{devId: 'a', dev_id: 'b'}` keeps `'a'`.
 */
export function camelizeKeys(record: JsonRecord): JsonRecord {
  const out: JsonRecord = {}
  const exact = new Set<string>()
  for (const [key, value] of Object.entries(record)) {
    const camel = toCamelKey(key)
    const name = ownEntry(KEY_SYNONYMS, camel) ?? camel
    // `__proto__` would replace the copy's prototype instead of adding a field; it is never a field we read.
    if (name === '__proto__') continue
    const isExact = key === name
    if (Object.hasOwn(out, name) && (exact.has(name) || !isExact)) continue
    out[name] = value
    if (isExact) exact.add(name)
  }
  return out
}

/** A non-empty identifier given as a string or a number. */
export const looseIdSchema = z.union([z.string().trim().min(1), z.number().finite().transform(String)])

/** A finite number, or a string holding one (`"4"`, `"1700000000"`). */
export const looseNumberSchema = z.union([
  z.number().finite(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
])

/** `true/false`, `"true"/"false"`, `1/0`, `"1"/"0"`. */
export const looseBooleanSchema = z.union([
  z.boolean(),
  z.literal(1).transform(() => true),
  z.literal(0).transform(() => false),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0']))
    .transform((s) => s === 'true' || s === '1'),
])

/** Parse an optional field leniently: a value that does not fit is treated as absent, never as an error. */
export function readOptional<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  if (value === undefined || value === null) return undefined
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

export function readId(value: unknown): string | undefined {
  return readOptional(looseIdSchema, value)
}

/** The raw `bizData` (or Smart Commercial `data`, docs/tuya-devices.md §4.4), parsed when it arrives as JSON text. */
export function readRawBizData(body: JsonRecord): JsonRecord | undefined {
  for (const candidate of [body.bizData, body.data]) {
    if (isRecord(candidate)) return candidate
    if (typeof candidate === 'string' && candidate.trim().startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(candidate)
        if (isRecord(parsed)) return parsed
      } catch {
        // not JSON after all: fall through to the next candidate
      }
    }
  }
  return undefined
}

/** `bizData` camel-cased, or an empty record when there is none. */
export function readBizData(body: JsonRecord): JsonRecord {
  const raw = readRawBizData(body)
  return raw ? camelizeKeys(raw) : {}
}
