// What the language and time formatting need from the database: the operator's saved language and the
// building's time zone (read often, changed rarely, so kept for a minute).
import { getDb, type Db } from '@/lib/db/client'

export async function savedLocale(userId: string, db: Db = getDb()): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } })
  return user?.locale ?? null
}

export async function saveLocale(db: Db, userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } })
}

const ZONE_TTL_MS = 60_000
const store = globalThis as unknown as { __buildingZone?: { zone: string; at: number } }

/** The building's IANA time zone (the first site's), UTC when none is set or it is not a zone this runtime knows. */
export async function buildingTimeZone(db: Db = getDb()): Promise<string> {
  const cached = store.__buildingZone
  if (cached && Date.now() - cached.at < ZONE_TTL_MS) return cached.zone
  const site = await db.site.findFirst({ orderBy: { createdAt: 'asc' }, select: { timezone: true } })
  const zone = site?.timezone && isTimeZone(site.timezone) ? site.timezone : 'UTC'
  store.__buildingZone = { zone, at: Date.now() }
  return zone
}

/** Forget the cached zone (after an admin changes it). */
export function forgetBuildingTimeZone(): void {
  store.__buildingZone = undefined
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
