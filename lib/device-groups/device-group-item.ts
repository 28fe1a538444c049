// Stored device group → its wire item: members by name, and how many residents hold it.
import type { DbModel } from '@/lib/db/client'
import type { DeviceGroupItem } from '@/lib/device-groups/schema'

export const deviceGroupInclude = {
  members: { select: { device: { select: { id: true, name: true } } } },
  _count: { select: { grants: true } },
} as const satisfies DbModel.DeviceGroupInclude

type DeviceGroupRow = DbModel.DeviceGroupGetPayload<{ include: typeof deviceGroupInclude }>

export function toDeviceGroupItem(row: DeviceGroupRow): DeviceGroupItem {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    devices: row.members.map((m) => m.device).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    residents: row._count.grants,
    updatedAt: row.updatedAt.toISOString(),
  }
}
