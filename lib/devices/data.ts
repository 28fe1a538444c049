import type { Db } from '@/lib/db/client'
import { toDeviceItem } from '@/lib/devices/device-item'

export async function listDevices(db: Db) {
  const rows = await db.device.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] })
  return { items: rows.map(toDeviceItem), nextCursor: null }
}
