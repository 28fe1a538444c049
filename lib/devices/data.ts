// Device reads: the registry list, and one device's page (its state and its recent events of every kind).
import { accessEventInclude, accessEventOmit, toAccessEventItem } from '@/lib/access/access-item'
import { alarmInclude, toAlarmItem } from '@/lib/alarms/alarm-item'
import { callInclude, toCallItem } from '@/lib/calls/call-item'
import type { Db } from '@/lib/db/client'
import { parseFirmware } from '@/lib/devices/device-details'
import { parseDeviceState, toDeviceItem } from '@/lib/devices/device-item'
import { DEVICE_RECENT_LIMIT, type DeviceDetail } from '@/lib/devices/schema'
import { notFound } from '@/lib/errors'

export async function listDevices(db: Db) {
  const rows = await db.device.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] })
  return { items: rows.map(toDeviceItem), nextCursor: null }
}

/** Device-reported values are shown as text: scalars only, long strings cut (a picture pointer is no reading). */
function shownDataPoints(state: Record<string, unknown>): Record<string, string | number | boolean> {
  // Entries, then fromEntries: a code named __proto__ stays an own key instead of touching the prototype.
  const shown: [string, string | number | boolean][] = []
  for (const [code, value] of Object.entries(state).slice(0, 100)) {
    if (typeof value === 'number' || typeof value === 'boolean') shown.push([code, value])
    else if (typeof value === 'string') shown.push([code, value.length > 120 ? `${value.slice(0, 120)}…` : value])
  }
  return Object.fromEntries(shown)
}

export async function getDeviceDetail(db: Db, deviceId: string): Promise<DeviceDetail> {
  const row = await db.device.findUnique({ where: { id: deviceId } })
  if (!row) throw notFound('Device')
  const take = DEVICE_RECENT_LIMIT
  const [accessEvents, calls, alarms] = await Promise.all([
    db.accessEvent.findMany({
      where: { deviceId },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take,
      include: accessEventInclude,
      omit: accessEventOmit,
    }),
    db.call.findMany({
      where: { deviceId },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      take,
      include: callInclude,
    }),
    db.alarm.findMany({
      where: { deviceId },
      orderBy: [{ lastAt: 'desc' }, { id: 'desc' }],
      take,
      include: alarmInclude,
    }),
  ])
  const latest = [
    accessEvents[0] && { kind: 'access' as const, at: accessEvents[0].occurredAt },
    calls[0] && { kind: 'call' as const, at: calls[0].lastSignalAt },
    alarms[0] && { kind: 'alarm' as const, at: alarms[0].lastAt },
  ]
    .filter((e) => !!e)
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0]
  return {
    device: {
      ...toDeviceItem(row),
      productId: row.productId,
      productName: row.productName,
      productModel: row.productModel,
      firmware: parseFirmware(row.firmware),
      detailsReadAt: row.detailsReadAt?.toISOString() ?? null,
      tuyaCategory: row.tuyaCategory,
      dataPoints: shownDataPoints(parseDeviceState(row.state)),
    },
    lastEvent: latest ? { kind: latest.kind, at: latest.at.toISOString() } : null,
    accessEvents: accessEvents.map(toAccessEventItem),
    calls: calls.map(toCallItem),
    alarms: alarms.map(toAlarmItem),
  }
}
