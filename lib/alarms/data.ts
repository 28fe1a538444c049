// Alarm reads: the lists (control-room order for alarms still to handle, newest first for the history), one
// alarm with its whole history, and who an alarm may be assigned to.
import { alarmInclude, toAlarmItem } from '@/lib/alarms/alarm-item'
import { decodePriorityCursor, encodePriorityCursor } from '@/lib/alarms/priority-cursor'
import {
  alarmSortOf,
  ALARM_NOTE_KINDS,
  type AlarmAssignee,
  type AlarmDetail,
  type AlarmItem,
  type AlarmQuery,
} from '@/lib/alarms/schema'
import { rolesWith } from '@/lib/auth/permissions'
import type { Db, DbModel } from '@/lib/db/client'
import { ALARM_PRIORITIES, ROLES, storedValue } from '@/lib/domain/enums'
import { notFound } from '@/lib/errors'
import { beforeCursor, decodeCursor, pageOf } from '@/lib/http/cursor'
import type { Page } from '@/lib/http/page'

export { alarmQuerySchema } from '@/lib/alarms/schema'

function filtersOf(query: AlarmQuery): DbModel.AlarmWhereInput {
  const state =
    query.state === 'unresolved'
      ? { state: { in: ['open', 'acknowledged'] } }
      : query.state
        ? { state: query.state }
        : {}
  return {
    ...state,
    ...(query.priority ? { priority: query.priority } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.deviceId ? { deviceId: query.deviceId } : {}),
    ...(query.from || query.to
      ? { lastAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } }
      : {}),
  }
}

export async function listAlarms(db: Db, query: AlarmQuery): Promise<Page<AlarmItem>> {
  return alarmSortOf(query) === 'priority' ? listByPriority(db, query) : listByRecent(db, query)
}

/** History: latest occurrence first, keyset-paged on (lastAt, id). */
async function listByRecent(db: Db, query: AlarmQuery): Promise<Page<AlarmItem>> {
  const rows = await db.alarm.findMany({
    where: { AND: [filtersOf(query), beforeCursor('lastAt', decodeCursor(query.cursor))] },
    orderBy: [{ lastAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: alarmInclude,
  })
  const page = pageOf(rows, query.limit, (r) => r.lastAt)
  return { items: page.items.map(toAlarmItem), nextCursor: page.nextCursor }
}

/**
 * Control-room order (lib/alarms/alarm-policy.ts `compareAlarms`): priorities are a short ranked list, so one
 * query per priority, most urgent first, each oldest first on (firstAt, id), until the page is full. The cursor
 * remembers the priority and the (firstAt, id) of the last alarm returned.
 */
async function listByPriority(db: Db, query: AlarmQuery): Promise<Page<AlarmItem>> {
  const cursor = decodePriorityCursor(query.cursor)
  const where = filtersOf(query)
  const start = cursor ? ALARM_PRIORITIES.indexOf(cursor.priority) : 0
  const rows: DbModel.AlarmGetPayload<{ include: typeof alarmInclude }>[] = []
  for (const priority of ALARM_PRIORITIES.slice(start)) {
    if (query.priority && query.priority !== priority) continue
    const after =
      cursor && cursor.priority === priority
        ? {
            firstAt: { gte: cursor.at },
            OR: [{ firstAt: { gt: cursor.at } }, { firstAt: cursor.at, id: { gt: cursor.id } }],
          }
        : {}
    rows.push(
      ...(await db.alarm.findMany({
        where: { AND: [where, { priority }, after] },
        orderBy: [{ firstAt: 'asc' }, { id: 'asc' }],
        take: query.limit + 1 - rows.length,
        include: alarmInclude,
      })),
    )
    if (rows.length > query.limit) break
  }
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  const nextCursor =
    rows.length > query.limit && last
      ? encodePriorityCursor({
          priority: storedValue(ALARM_PRIORITIES, last.priority, 'Alarm.priority'),
          at: last.firstAt,
          id: last.id,
        })
      : null
  return { items: items.map(toAlarmItem), nextCursor }
}

export async function getAlarmDetail(db: Db, alarmId: string): Promise<AlarmDetail> {
  const row = await db.alarm.findUnique({ where: { id: alarmId }, include: alarmInclude })
  if (!row) throw notFound('Alarm')
  const notes = await db.alarmNote.findMany({
    where: { alarmId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { user: { select: { name: true } } },
  })
  return {
    alarm: toAlarmItem(row),
    notes: notes.map((note) => ({
      id: note.id,
      kind: storedValue(ALARM_NOTE_KINDS, note.kind, 'AlarmNote.kind'),
      body: note.body,
      by: note.user?.name ?? null,
      to: note.assigneeName,
      at: note.createdAt.toISOString(),
    })),
  }
}

/** Active operators whose role may handle alarms, by name: who an alarm can be assigned to. */
export async function listAlarmAssignees(db: Db): Promise<Page<AlarmAssignee>> {
  const rows = await db.user.findMany({
    where: { disabledAt: null, role: { in: rolesWith('alarms.handle') } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, role: true },
    take: 500,
  })
  return {
    items: rows.map((row) => ({ id: row.id, name: row.name, role: storedValue(ROLES, row.role, 'User.role') })),
    nextCursor: null,
  }
}
