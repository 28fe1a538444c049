// The device registry follows the cloud project's device list (at start and periodically): names, categories,
// products (id and name) and online state (model and firmware: refresh-device-details.ts); new devices appear,
// changes are broadcast as device.updated. One sync is one change: the device rows and their outbox rows commit
// together, so a failed sync leaves the registry as it was.
// A device the cloud now lists offline raises the same device_offline alarm an offline message does, through the
// same function (lib/alarms/raise-alarm.ts): whichever reports first opens it, the other folds into it. Back
// online resolves it, as ingest does.
import { toAlarmItem } from '@/lib/alarms/alarm-item'
import { clearAlarm, raiseAlarm } from '@/lib/alarms/raise-alarm'
import type { Db } from '@/lib/db/client'
import type { DeviceCategory } from '@/lib/domain/enums'
import { cleanText } from '@/lib/devices/device-details'
import { toDeviceItem } from '@/lib/devices/device-item'
import { runChange } from '@/lib/domain/run-change'
import type { TuyaClient } from '@/lib/tuya/openapi/openapi-client'

/** Tuya category codes → our device kinds (docs/tuya-devices.md §0.1). */
export function deviceCategoryOf(tuyaCategory: string | undefined): DeviceCategory {
  switch (tuyaCategory) {
    case 'mk':
    case 'mal':
      return 'face_terminal'
    case 'sp':
    case 'dghsxj':
      return 'door_station'
    case 'ms':
    case 'jtmspro':
    case 'videolock':
    case 'jtmsbh':
      return 'smart_lock'
    default:
      return 'other'
  }
}

export async function syncDevices(db: Db, client: Pick<TuyaClient, 'listDevices'>, now = new Date()) {
  const devices = await client.listDevices()
  const changed = await runChange(db, async ({ tx, publish }) => {
    let count = 0
    for (const remote of devices) {
      const existing = await tx.device.findUnique({ where: { tuyaId: remote.id } })
      const fields = {
        name: remote.name ?? existing?.name ?? `Device ${remote.id}`,
        tuyaCategory: remote.category ?? null,
        category: deviceCategoryOf(remote.category),
        productId: remote.product_id ?? null,
        productName: cleanText(remote.product_name) ?? existing?.productName ?? null,
        online: remote.online ?? existing?.online ?? false,
      }
      const differs =
        !existing ||
        existing.name !== fields.name ||
        existing.online !== fields.online ||
        existing.category !== fields.category ||
        existing.tuyaCategory !== fields.tuyaCategory ||
        existing.productName !== fields.productName
      if (!differs) continue
      const row = existing
        ? await tx.device.update({ where: { id: existing.id }, data: fields })
        : await tx.device.create({ data: { tuyaId: remote.id, ...fields } })
      publish({ event: 'device.updated', payload: toDeviceItem(row) })
      count++
      // Only a known device going from online to offline: a device first seen offline has no change to report.
      if (existing?.online && !row.online) {
        const { row: alarm, created } = await raiseAlarm(tx, {
          deviceId: row.id,
          type: 'device_offline',
          at: now,
          detail: 'offline (device sync)',
        })
        publish({ event: created ? 'alarm.created' : 'alarm.updated', payload: toAlarmItem(alarm) })
      }
      if (existing && !existing.online && row.online) {
        const cleared = await clearAlarm(tx, {
          deviceId: row.id,
          type: 'device_offline',
          at: now,
          note: 'Device back online (device sync)',
        })
        if (cleared) publish({ event: 'alarm.updated', payload: toAlarmItem(cleared) })
      }
    }
    return count
  })
  return { seen: devices.length, changed }
}
