// GET /api/access-events/{id}: one event and what surrounds it, for a manager investigating who came in: the
// snapshot beside the resident's enrolled photo, the door call or alarm it belongs to, the same door's events in
// the minutes around it, and (for roles holding diagnostics.read) the raw message it came from. What a role may
// not read is left out of the answer, not blanked.
import { accessEventInclude, accessEventOmit, toAccessEventItem } from '@/lib/access/access-item'
import { NEARBY_WINDOW_MINUTES, type AccessEventDetail } from '@/lib/access/schema'
import type { Actor } from '@/lib/auth/actor'
import { can } from '@/lib/auth/permissions'
import type { Db } from '@/lib/db/client'
import { notFound } from '@/lib/errors'
import { snapshotUrlOf } from '@/lib/snapshots/snapshot-url'

/** A call this event belongs to: on the same door, live at the event's time (a few seconds' slack for clocks). */
const CALL_SLACK_MS = 5_000
/** An alarm this event belongs to: on the same door, raised or repeated within a minute of it. */
const ALARM_SLACK_MS = 60_000
const NEARBY_LIMIT = 100

export async function readAccessEventDetail(db: Db, actor: Actor, id: string): Promise<AccessEventDetail> {
  const row = await db.accessEvent.findUnique({
    where: { id },
    include: {
      ...accessEventInclude,
      resident: { select: { unit: { select: { label: true } } } },
    },
    omit: { externalUserId: true, deviceTuyaId: true },
  })
  if (!row) throw notFound('Access event')
  const at = row.occurredAt.getTime()
  const [photo, message, call, alarm, nearby] = await Promise.all([
    row.residentId ? enrolledPhoto(db, row.residentId) : null,
    can(actor.role, 'diagnostics.read') && row.messageId
      ? db.inboundMessage.findUnique({ where: { id: row.messageId } })
      : null,
    can(actor.role, 'calls.read') && row.deviceId
      ? db.call.findFirst({
          where: {
            deviceId: row.deviceId,
            startedAt: { lte: new Date(at + CALL_SLACK_MS) },
            OR: [{ endedAt: null }, { endedAt: { gte: new Date(at - CALL_SLACK_MS) } }],
            lastSignalAt: { gte: new Date(at - CALL_SLACK_MS) },
          },
          orderBy: { startedAt: 'desc' },
        })
      : null,
    can(actor.role, 'alarms.read') && row.deviceId
      ? db.alarm.findFirst({
          where: {
            deviceId: row.deviceId,
            firstAt: { lte: new Date(at + ALARM_SLACK_MS) },
            lastAt: { gte: new Date(at - ALARM_SLACK_MS) },
          },
          orderBy: { lastAt: 'desc' },
        })
      : null,
    row.deviceId
      ? db.accessEvent.findMany({
          where: {
            deviceId: row.deviceId,
            occurredAt: {
              gte: new Date(at - NEARBY_WINDOW_MINUTES * 60_000),
              lte: new Date(at + NEARBY_WINDOW_MINUTES * 60_000),
            },
          },
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
          take: NEARBY_LIMIT,
          include: accessEventInclude,
          omit: accessEventOmit,
        })
      : [],
  ])
  const detail: AccessEventDetail = {
    event: {
      ...toAccessEventItem(row),
      sourceCode: row.sourceCode,
      credentialSlot: row.credentialSlot ?? null,
      unit: row.resident?.unit?.label ?? null,
    },
    enrolledPhotoUrl: photo,
    nearby: nearby.length ? nearby.map(toAccessEventItem) : [toAccessEventItem(row)],
  }
  if (can(actor.role, 'diagnostics.read')) {
    detail.rawMessage = message
      ? {
          id: message.id,
          source: message.source,
          shape: message.shape,
          receivedAt: message.receivedAt.toISOString(),
          payload: message.payload,
        }
      : null
  }
  if (can(actor.role, 'calls.read'))
    detail.call = call
      ? {
          id: call.id,
          state: call.state,
          startedAt: call.startedAt.toISOString(),
          endedAt: call.endedAt?.toISOString() ?? null,
          answeredByName: call.answeredByName ?? null,
        }
      : null
  if (can(actor.role, 'alarms.read'))
    detail.alarm = alarm
      ? {
          id: alarm.id,
          type: alarm.type,
          priority: alarm.priority,
          state: alarm.state,
          count: alarm.count,
          firstAt: alarm.firstAt.toISOString(),
          lastAt: alarm.lastAt.toISOString(),
        }
      : null
  return detail
}

/** The resident's current enrolled face photo, if one is stored. */
async function enrolledPhoto(db: Db, residentId: string): Promise<string | null> {
  const credential = await db.credential.findFirst({
    where: { residentId, kind: 'face', revokedAt: null, photo: { state: 'stored' } },
    orderBy: { createdAt: 'desc' },
    select: { photo: { select: { id: true, state: true } } },
  })
  return snapshotUrlOf(credential?.photo)
}
