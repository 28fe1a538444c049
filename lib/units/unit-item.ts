// Stored unit → its wire item, with the count of residents living there now.
import type { DbModel } from '@/lib/db/client'
import type { UnitItem } from '@/lib/units/schema'

export const unitInclude = {
  building: { select: { name: true } },
  _count: { select: { residents: { where: { status: { not: 'erased' } } } } },
} as const satisfies DbModel.UnitInclude

type UnitRow = DbModel.UnitGetPayload<{ include: typeof unitInclude }>

export function toUnitItem(row: UnitRow): UnitItem {
  return {
    id: row.id,
    label: row.label,
    floor: row.floor,
    buildingId: row.buildingId,
    building: row.building.name,
    residents: row._count.residents,
  }
}
