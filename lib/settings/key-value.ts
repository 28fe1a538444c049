// Settings that live in the database, one KeyValue row each (no migration per setting): a definition names the
// key (always under `setting:`, apart from other KeyValue users such as the backfill watermarks), the zod schema
// the stored JSON must match, and the default that applies until someone saves a value. One file per setting in
// lib/settings/ builds on readSetting and writeSetting; readJsonValue and writeJsonValue serve values that are not
// settings (e.g. the last purge's summary).
import type { ZodType } from 'zod'
import type { Db, Tx } from '@/lib/db/client'

export type SettingDefinition<T> = {
  /** Namespaced key, e.g. `setting:alarms.escalation`. */
  key: `setting:${string}`
  schema: ZodType<T>
  defaults: T
}

export function defineSetting<T>(name: string, schema: ZodType<T>, defaults: T): SettingDefinition<T> {
  return { key: `setting:${name}`, schema, defaults }
}

type KeyValueReader = Pick<Db, 'keyValue'> | Pick<Tx, 'keyValue'>

/** A stored JSON value by its raw key (undefined when missing or not JSON); for values that are not settings. */
export async function readJsonValue(db: KeyValueReader, key: string): Promise<unknown> {
  const row = await db.keyValue.findUnique({ where: { key } })
  return row ? parseJson(row.value) : undefined
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Stores a JSON value under its raw key (inside the caller's change). */
export async function writeJsonValue(tx: Pick<Tx, 'keyValue'>, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value)
  await tx.keyValue.upsert({ where: { key }, create: { key, value: text }, update: { value: text } })
}

/**
 * The stored value, or the default when none was saved. A stored value that no longer matches the schema (edited
 * by hand, or written by an older version) falls back to the default, with a warning, rather than failing readers.
 */
export async function readSetting<T>(db: KeyValueReader, setting: SettingDefinition<T>): Promise<T> {
  const row = await db.keyValue.findUnique({ where: { key: setting.key } })
  if (!row) return setting.defaults
  const parsed = setting.schema.safeParse(parseJson(row.value))
  if (parsed.success) return parsed.data
  console.warn(`[settings] ${setting.key}: stored value is not valid; using the default`)
  return setting.defaults
}

/** Validates and stores the value (inside the caller's change, so its audit row commits with it). */
export async function writeSetting<T>(
  tx: Pick<Tx, 'keyValue'>,
  setting: SettingDefinition<T>,
  value: unknown,
): Promise<T> {
  const valid = setting.schema.parse(value)
  await writeJsonValue(tx, setting.key, valid)
  return valid
}
