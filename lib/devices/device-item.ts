// Stored device → its wire item.
import type { DeviceItem } from '@/lib/devices/schema'
import { DEVICE_CATEGORIES, storedValue } from '@/lib/domain/enums'

export type DeviceRow = {
  id: string
  tuyaId: string
  name: string
  category: string
  location: string | null
  online: boolean
  lastSeenAt: Date | null
  state: string | null
}

/** Last known data points are kept as a JSON object; battery is the one operators watch. */
export function parseDeviceState(state: string | null): Record<string, unknown> {
  if (!state) return {}
  try {
    const parsed: unknown = JSON.parse(state)
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export function toDeviceItem(row: DeviceRow): DeviceItem {
  const battery = parseDeviceState(row.state).residual_electricity
  return {
    id: row.id,
    tuyaId: row.tuyaId,
    name: row.name,
    category: storedValue(DEVICE_CATEGORIES, row.category, 'Device.category'),
    location: row.location,
    online: row.online,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    battery: typeof battery === 'number' ? battery : null,
  }
}
