// Small typed reads and writes of the KeyValue table for this module's settings (JSON values). A generic helper
// with the same role may exist beside it (lib/settings/key-value.ts); this one is kept to what retention needs.
import type { Db, Tx } from '@/lib/db/client'

export async function readJsonValue(db: Pick<Db, 'keyValue'>, key: string): Promise<unknown> {
  const row = await db.keyValue.findUnique({ where: { key } })
  if (!row) return undefined
  try {
    return JSON.parse(row.value)
  } catch {
    return undefined
  }
}

export async function writeJsonValue(tx: Pick<Tx, 'keyValue'>, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value)
  await tx.keyValue.upsert({ where: { key }, create: { key, value: text }, update: { value: text } })
}
