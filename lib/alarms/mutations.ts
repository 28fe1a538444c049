// Operator handling of an alarm: acknowledge (stops the sound), assign, comment, resolve. Each is one change: the
// alarm, its AlarmNote, the audit row and the alarm.updated outbox row commit together, then it is broadcast.
// Resolving frees the fold key, so the next occurrence opens a new alarm. An alarm is assigned only to an active
// operator whose role handles alarms, and a high or critical alarm is resolved only with a note (both 422).
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { alarmInclude, toAlarmItem } from '@/lib/alarms/alarm-item'
import { resolveNeedsNote } from '@/lib/alarms/alarm-policy'
import { alarmActionSchema, type AlarmAction } from '@/lib/alarms/schema'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { can } from '@/lib/auth/permissions'
import { ALARM_PRIORITIES, ROLES, storedValue } from '@/lib/domain/enums'
import { AppError, conflict, invalidField, notFound } from '@/lib/errors'
import type { ErrorCode } from '@/lib/http/error-codes'

/** 422: the request is well formed, but this alarm or this person cannot take it. */
const unprocessable = (code: ErrorCode, message: string) => new AppError(code, message, 422)

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
    if (alarm.state === 'resolved' && action !== 'comment')
      throw conflict('The alarm is already resolved', 'alarm_resolved')
    let data = {}
    let assigneeName: string | null = null
    if (action === 'acknowledge') {
      if (alarm.state === 'acknowledged') throw conflict('The alarm is already acknowledged', 'alarm_acknowledged')
      data = { state: 'acknowledged', acknowledgedAt: now, acknowledgedById: actor.userId }
    }
    if (action === 'assign') {
      const assignee = await tx.user.findUnique({ where: { id: body.userId ?? actor.userId } })
      if (!assignee) throw unprocessable('invalid_assignee', 'userId: no such user')
      if (assignee.disabledAt) throw unprocessable('invalid_assignee', `${assignee.name} is disabled`)
      if (!can(storedValue(ROLES, assignee.role, 'User.role'), 'alarms.handle'))
        throw unprocessable('invalid_assignee', `${assignee.name} is a ${assignee.role}, who cannot handle alarms`)
      data = { assigneeId: assignee.id }
      // The history keeps who it went to by name; the console words "assigned to" in the reader's language.
      assigneeName = assignee.name
    }
    if (action === 'comment' && !body.note)
      throw invalidField('note: write the comment', { path: 'note', reason: 'required' })
    if (action === 'resolve') {
      const priority = storedValue(ALARM_PRIORITIES, alarm.priority, 'Alarm.priority')
      if (!body.note && resolveNeedsNote(priority))
        throw unprocessable(
          'note_required',
          `A ${priority} alarm is resolved only with a note: say what you found and what was done`,
        )
      data = { state: 'resolved', resolvedAt: now, resolvedById: actor.userId, openKey: null }
    }
    const row = await tx.alarm.update({ where: { id: alarmId }, data, include: alarmInclude })
    await tx.alarmNote.create({
      data: { alarmId, userId: actor.userId, kind: action, body: body.note ?? null, assigneeName },
    })
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
