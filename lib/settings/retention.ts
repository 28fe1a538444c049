// How many days each class of history is kept: one JSON value in KeyValue (`settings.retention`), missing classes
// falling back to the residential defaults. Changing it is audited with the old and new windows.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { badRequest } from '@/lib/errors'
import { fieldIssuesOf } from '@/lib/http/zod-field-issues'
import { readJsonValue, writeJsonValue } from '@/lib/settings/key-value'
import {
  DEFAULT_RETENTION_DAYS,
  RETENTION_CLASSES,
  RETENTION_LIMITS,
  retentionInputSchema,
  type RetentionDays,
} from '@/lib/settings/retention-schema'

export const RETENTION_KEY = 'settings.retention'

/** The stored windows over the defaults; a stored value outside its limits (edited by hand) is not used. */
function daysFrom(stored: unknown): RetentionDays {
  const days = { ...DEFAULT_RETENTION_DAYS }
  if (!stored || typeof stored !== 'object') return days
  for (const c of RETENTION_CLASSES) {
    const value: unknown = Object.hasOwn(stored, c) ? Object.getOwnPropertyDescriptor(stored, c)?.value : undefined
    const { min, max } = RETENTION_LIMITS[c]
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) days[c] = value
  }
  return days
}

export async function readRetentionDays(db: Pick<Db, 'keyValue'>): Promise<RetentionDays> {
  return daysFrom(await readJsonValue(db, RETENTION_KEY))
}

export async function updateRetentionDays(
  db: Db,
  actor: Actor,
  body: unknown,
  context: AuditContext,
): Promise<RetentionDays> {
  const parsed = retentionInputSchema.safeParse(body)
  if (!parsed.success) {
    const { issues } = parsed.error
    throw badRequest(issues[0]?.message ?? 'body: invalid', { fields: fieldIssuesOf(issues) })
  }
  return runChange(db, async ({ tx, audit }) => {
    const before = daysFrom(await readJsonValue(tx, RETENTION_KEY))
    const after: RetentionDays = { ...before }
    for (const c of RETENTION_CLASSES) {
      const value = parsed.data.days[c]
      if (value !== undefined) after[c] = value
    }
    await writeJsonValue(tx, RETENTION_KEY, after)
    const changed = RETENTION_CLASSES.filter((c) => before[c] !== after[c])
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'settings.retention.updated',
      targetType: 'retention',
      details: { days: Object.fromEntries(changed.map((c) => [c, { from: before[c], to: after[c] }])) },
      context,
    })
    return after
  })
}
