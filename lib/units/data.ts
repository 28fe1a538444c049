// Unit reads: every unit, by building then label (a building has hundreds at most, so one page).
import type { Db } from '@/lib/db/client'
import type { Page } from '@/lib/http/page'
import type { UnitItem } from '@/lib/units/schema'
import { toUnitItem, unitInclude } from '@/lib/units/unit-item'

export async function listUnits(db: Db): Promise<Page<UnitItem>> {
  const rows = await db.unit.findMany({
    include: unitInclude,
    orderBy: [{ building: { name: 'asc' } }, { label: 'asc' }, { id: 'asc' }],
  })
  return { items: rows.map(toUnitItem), nextCursor: null }
}
