// GET/PUT /api/settings/retention: the windows, their defaults, what the next purge would remove per class, and
// the last purge run.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { countPurgeable, readLastPurge } from '@/lib/retention/purge'
import { readRetentionDays, updateRetentionDays } from '@/lib/settings/retention'
import { DEFAULT_RETENTION_DAYS, type RetentionSettings } from '@/lib/settings/retention-schema'

export async function readRetentionSettings(db: Db, now = new Date()): Promise<RetentionSettings> {
  const days = await readRetentionDays(db)
  const [nextPurge, lastPurge] = await Promise.all([countPurgeable(db, days, now), readLastPurge(db)])
  return { days, defaults: DEFAULT_RETENTION_DAYS, nextPurge, lastPurge }
}

export async function changeRetentionSettings(db: Db, actor: Actor, body: unknown, context: AuditContext) {
  await updateRetentionDays(db, actor, body, context)
  return readRetentionSettings(db)
}
