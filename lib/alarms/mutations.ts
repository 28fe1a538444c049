// Operator handling of an alarm: acknowledge (stops the sound), assign, comment, resolve. Each is one change: the
// alarm, its AlarmNote, the audit row and the alarm.updated outbox row commit together, then it is broadcast.
// Resolving frees the fold key, so the next occurrence opens a new alarm.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { alarmInclude, toAlarmItem } from '@/lib/alarms/alarm-item'
import { alarmActionSchema, type AlarmAction } from '@/lib/alarms/schema'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { badRequest, conflict, notFound } from '@/lib/errors'

export async function handleAlarm(
  db: Db,
  actor: Actor,
  alarmId: string,
  action: AlarmAction,
  input: unknown,
  context: AuditContext,
) {
  const body = alarmActionSchema.parse(input ?? {})
  const now = new Date()
  return runChange(db, async ({ tx, audit, publish }) => {
    const alarm = await tx.alarm.findUnique({ where: { id: alarmId } })
    if (!alarm) throw notFound('Alarm')
    if (alarm.state === 'resolved' && action !== 'comment') throw conflict('The alarm is already resolved')
    let data = {}
    if (action === 'acknowledge') {
      if (alarm.state === 'acknowledged') throw conflict('The alarm is already acknowledged')
      data = { state: 'acknowledged', acknowledgedAt: now, acknowledgedById: actor.userId }
    }
    if (action === 'assign') {
      const assignee = await tx.user.findUnique({ where: { id: body.userId ?? actor.userId } })
      if (!assignee || assignee.disabledAt) throw badRequest('userId: no such active user')
      data = { assigneeId: assignee.id }
    }
    if (action === 'comment' && !body.note) throw badRequest('note: write the comment')
    if (action === 'resolve') data = { state: 'resolved', resolvedAt: now, resolvedById: actor.userId, openKey: null }
    const row = await tx.alarm.update({ where: { id: alarmId }, data, include: alarmInclude })
    await tx.alarmNote.create({ data: { alarmId, userId: actor.userId, kind: action, body: body.note ?? null } })
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: `alarm.${action}`,
      targetType: 'alarm',
      targetId: alarmId,
      details: {
        type: row.type,
        ...(body.note ? { note: body.note } : {}),
        ...(action === 'assign' ? { assignee: row.assignee?.name } : {}),
      },
      context,
    })
    const item = toAlarmItem(row)
    publish({ event: 'alarm.updated', payload: item })
    return item
  })
}
