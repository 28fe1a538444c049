// A device's model and firmware are not in Tuya's device list: each costs a call per device (device details, and
// the firmware endpoint; docs/tuya-devices.md §4.3). They change only when someone re-pairs or updates a door, so
// after each device-list sync the console reads them for the devices it has never read or read more than a day
// ago, a few per run, one call at a time: a building of 200 doors costs about 400 calls a day, within every plan's
// rate limits and quotas. A failed read (the API not subscribed in the cloud project, a rate limit) leaves what
// was stored and is tried again after a few hours. A change is broadcast as device.updated, so an open device page
// shows it.
import type { Db } from '@/lib/db/client'
import { cleanText, firmwareModulesOf, storedFirmware } from '@/lib/devices/device-details'
import { toDeviceItem } from '@/lib/devices/device-item'
import { runChange } from '@/lib/domain/run-change'
import type { TuyaClient } from '@/lib/tuya/openapi/openapi-client'

const HOUR_MS = 3_600_000
/** Details are read again after a day… */
export const DETAILS_REFRESH_MS = 24 * HOUR_MS
/** …or, after a failed read, after three hours. */
export const DETAILS_RETRY_MS = 3 * HOUR_MS
/** Devices read per run (the device sync runs every 10 minutes). */
export const DETAILS_PER_RUN = 20

export type DetailsClient = Pick<TuyaClient, 'getDevice' | 'getDeviceFirmware'>

export async function refreshDeviceDetails(
  db: Db,
  client: DetailsClient,
  { now = new Date(), log = (_line: string) => undefined }: { now?: Date; log?: (line: string) => void } = {},
): Promise<{ read: number; changed: number; failed: number }> {
  const due = await db.device.findMany({
    where: { OR: [{ detailsReadAt: null }, { detailsReadAt: { lte: new Date(now.getTime() - DETAILS_REFRESH_MS) } }] },
    orderBy: [{ detailsReadAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
    take: DETAILS_PER_RUN,
  })
  const counts = { read: 0, changed: 0, failed: 0 }
  for (const device of due) {
    let fields: { productName: string | null; productModel: string | null; firmware: string | null }
    try {
      const details = await client.getDevice(device.tuyaId)
      const firmware = firmwareModulesOf(await client.getDeviceFirmware(device.tuyaId))
      fields = {
        productName: cleanText(details.product_name) ?? device.productName,
        productModel: cleanText(details.model) ?? device.productModel,
        firmware: storedFirmware(firmware),
      }
    } catch (error) {
      counts.failed++
      log(`details of ${device.tuyaId} not read: ${error instanceof Error ? error.message : String(error)}`)
      // Read again after DETAILS_RETRY_MS: the row looks as if it had been read that much less than a day ago.
      const retryAt = new Date(now.getTime() - DETAILS_REFRESH_MS + DETAILS_RETRY_MS)
      await db.device.update({ where: { id: device.id }, data: { detailsReadAt: retryAt } })
      continue
    }
    counts.read++
    const changed =
      fields.productName !== device.productName ||
      fields.productModel !== device.productModel ||
      fields.firmware !== device.firmware
    if (changed) counts.changed++
    await runChange(db, async ({ tx, publish }) => {
      const row = await tx.device.update({ where: { id: device.id }, data: { ...fields, detailsReadAt: now } })
      if (changed) publish({ event: 'device.updated', payload: toDeviceItem(row) })
    })
  }
  return counts
}
