// How long an alarm of each priority may stay unacknowledged before it escalates, as an admin sets it
// (GET/PUT /api/settings/escalation). Stored in KeyValue; the defaults are lib/alarms/alarm-policy.ts's.
// The sweeper reads it every 15 s, so reads are cached briefly. The cache lives on globalThis because server.ts
// (where the sweeper runs) and Next's route bundles (where the PUT runs) are separate module graphs of one
// process: a save invalidates it for both at once. Other instances pick a change up within CACHE_TTL_MS.
import { ALARM_ESCALATION_MS, type EscalationLimits } from '@/lib/alarms/alarm-policy'
import { escalationSettingsSchema, type EscalationSettings } from '@/lib/alarms/schema'
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { ALARM_PRIORITIES } from '@/lib/domain/enums'
import { runChange } from '@/lib/domain/run-change'
import { defineSetting, readSetting, writeSetting } from '@/lib/settings/key-value'

const MINUTE_MS = 60_000
export const CACHE_TTL_MS = 10_000

const defaults = Object.fromEntries(
  ALARM_PRIORITIES.map((priority) => [priority, ALARM_ESCALATION_MS[priority] / MINUTE_MS]),
) as EscalationSettings

export const escalationSetting = defineSetting('alarms.escalation', escalationSettingsSchema, defaults)

type CacheEntry = { value: EscalationSettings; until: number }
/** Per database client (one in production; tests open several), replaced whole on invalidation. */
const holder = globalThis as typeof globalThis & { __escalationSettingsCache?: WeakMap<Db, CacheEntry> }

export function invalidateEscalationSettings(): void {
  holder.__escalationSettingsCache = new WeakMap()
}

/** What is stored now, uncached (what an admin's screen shows). */
export function readEscalationSettings(db: Db): Promise<EscalationSettings> {
  return readSetting(db, escalationSetting)
}

/** The stored times through the short cache (what the sweeper uses). */
export async function getEscalationSettings(db: Db): Promise<EscalationSettings> {
  const cache = (holder.__escalationSettingsCache ??= new WeakMap())
  const cached = cache.get(db)
  if (cached && cached.until > Date.now()) return cached.value
  const value = await readSetting(db, escalationSetting)
  // A save that committed while this read was under way replaced the map: this (maybe older) value is not kept.
  cache.set(db, { value, until: Date.now() + CACHE_TTL_MS })
  return value
}

export function escalationLimitsOf(settings: EscalationSettings): EscalationLimits {
  return {
    critical: settings.critical * MINUTE_MS,
    high: settings.high * MINUTE_MS,
    medium: settings.medium * MINUTE_MS,
    low: settings.low * MINUTE_MS,
  }
}

/** Saves new times (validated, audited with before and after) and drops the cache once committed. */
export async function updateEscalationSettings(
  db: Db,
  actor: Actor,
  input: unknown,
  context: AuditContext,
): Promise<EscalationSettings> {
  const next = escalationSettingsSchema.parse(input)
  return runChange(db, async ({ tx, audit, afterCommit }) => {
    const before = await readSetting(tx, escalationSetting)
    const saved = await writeSetting(tx, escalationSetting, next)
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'settings.escalation',
      targetType: 'setting',
      targetId: escalationSetting.key,
      details: { before, after: saved },
      context,
    })
    afterCommit(invalidateEscalationSettings)
    return saved
  })
}
