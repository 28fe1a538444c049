// The building's settings: its time zone is the Site's `timezone` column (stored times stay UTC; this zone is how
// screens, CSV exports and reports show them). One site per installation: the first one created. Reading falls
// back to UTC while there is none; the first write creates it.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { badRequest } from '@/lib/errors'
import { fieldIssuesOf } from '@/lib/http/zod-field-issues'
import { forgetBuildingTimeZone } from '@/lib/i18n/data'
import { buildingSettingsInputSchema, type BuildingSettings } from '@/lib/settings/building-schema'
import { isTimeZone } from '@/lib/time/zoned-time'

export const DEFAULT_TIME_ZONE = 'UTC'

type SiteReader = Pick<Db, 'site'>

export async function readBuildingSettings(db: SiteReader): Promise<BuildingSettings> {
  const site = await db.site.findFirst({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
  // A zone stored by hand that this runtime does not know would break every formatter: show UTC instead.
  const timeZone = site && isTimeZone(site.timezone) ? site.timezone : DEFAULT_TIME_ZONE
  return { timeZone, siteName: site?.name ?? null }
}

/** The building's time zone (UTC until one is set). */
export async function readBuildingTimeZone(db: SiteReader): Promise<string> {
  return (await readBuildingSettings(db)).timeZone
}

export async function updateBuildingSettings(
  db: Db,
  actor: Actor,
  body: unknown,
  context: AuditContext,
): Promise<BuildingSettings> {
  const parsed = buildingSettingsInputSchema.safeParse(body)
  if (!parsed.success) {
    const { issues } = parsed.error
    throw badRequest(issues[0]?.message ?? 'body: invalid', { fields: fieldIssuesOf(issues) })
  }
  const { timeZone } = parsed.data
  return runChange(db, async ({ tx, audit, afterCommit }) => {
    const site = await tx.site.findFirst({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
    const saved = site
      ? await tx.site.update({ where: { id: site.id }, data: { timezone: timeZone } })
      : await tx.site.create({ data: { name: 'Building', timezone: timeZone } })
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'settings.building.updated',
      targetType: 'site',
      targetId: saved.id,
      details: { timeZone: { from: site?.timezone ?? null, to: timeZone } },
      context,
    })
    // Pages format times with the zone next-intl caches for a minute: the change shows on the next page.
    afterCommit(forgetBuildingTimeZone)
    return { timeZone, siteName: saved.name }
  })
}
