// Device group reads: every group by name (a building has a handful), one page.
import type { Db } from '@/lib/db/client'
import { deviceGroupInclude, toDeviceGroupItem } from '@/lib/device-groups/device-group-item'
import type { DeviceGroupItem } from '@/lib/device-groups/schema'
import type { Page } from '@/lib/http/page'

export async function listDeviceGroups(db: Db): Promise<Page<DeviceGroupItem>> {
  const rows = await db.deviceGroup.findMany({ include: deviceGroupInclude, orderBy: [{ name: 'asc' }, { id: 'asc' }] })
  return { items: rows.map(toDeviceGroupItem), nextCursor: null }
}
