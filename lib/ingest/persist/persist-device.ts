// Device registry side of ingest: the device a message names (created on first sight so nothing is dropped),
// online/offline (the normaliser raises device_offline alarms; coming back online resolves them), renames and last known data points.
import { parseDeviceState, toDeviceItem } from '@/lib/devices/device-item'
import { addRef, type BatchContext, type CachedDevice, type IngestContext } from '@/lib/ingest/persist/ingest-context'
import type { NormalisedItem } from '@/lib/ingest/normalise/normalised'
import { resolveOfflineAlarm } from '@/lib/ingest/persist/persist-alarm'

/** Last-seen is informational; refreshing it at most once a minute saves a write per event. */
const LAST_SEEN_RESOLUTION_MS = 60_000

/** The device a message names, from the batch cache or the database; created on first sight. */
export async function ensureDevice(batch: BatchContext, tuyaId: string, seenAt: Date): Promise<CachedDevice> {
  let device = batch.devices.get(tuyaId)
  if (!device) {
    device =
      (await batch.tx.device.findUnique({
        where: { tuyaId },
        select: { id: true, tuyaId: true, name: true, lastSeenAt: true },
      })) ??
      (await batch.tx.device.create({
        data: { tuyaId, name: `Device ${tuyaId}`, category: 'other', lastSeenAt: seenAt },
        select: { id: true, tuyaId: true, name: true, lastSeenAt: true },
      }))
    batch.devices.set(tuyaId, device)
  }
  if (!device.lastSeenAt || seenAt.getTime() - device.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await batch.tx.device.update({ where: { id: device.id }, data: { lastSeenAt: seenAt } })
    device.lastSeenAt = seenAt
  }
  return device
}

type DeviceChangeItem = Extract<NormalisedItem, { kind: 'device' }>

export async function persistDeviceChange(ctx: IngestContext, item: DeviceChangeItem): Promise<void> {
  if (!ctx.device) return
  const current = await ctx.tx.device.findUniqueOrThrow({ where: { id: ctx.device.id } })
  const state = parseDeviceState(current.state)
  const data: { online?: boolean; name?: string; state?: string } = {}
  if (item.change === 'online') data.online = true
  if (item.change === 'offline') data.online = false
  if (item.change === 'renamed' && item.name) data.name = item.name.slice(0, 120)
  if (item.change === 'deleted') data.state = JSON.stringify({ ...state, deleted: true })
  if (item.change === 'property' && item.code) data.state = JSON.stringify({ ...state, [item.code]: item.value })
  const row = await ctx.tx.device.update({ where: { id: current.id }, data })
  ctx.device = { ...ctx.device, name: row.name }
  const cached = ctx.batch.devices.get(row.tuyaId)
  if (cached) cached.name = row.name
  ctx.live.push({ event: 'device.updated', payload: toDeviceItem(row) })
  addRef(ctx, { kind: 'device', id: row.id })

  if (item.change === 'online') await resolveOfflineAlarm(ctx, item.occurredAt)
}
