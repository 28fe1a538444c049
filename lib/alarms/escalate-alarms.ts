// Alarms nobody acknowledged in time escalate: marked once with escalatedAt and an 'escalate' note,
// re-broadcast so every console shows it (and sounds it again). The conditional update makes concurrent
// sweeps from several instances escalate each alarm once; each escalation is one change (mark, note and
// outbox row commit together), so a failure leaves the alarm to the next sweep instead of half-escalated.
// The times per priority are the admin's (lib/settings/escalation.ts), read through its short cache.
import { alarmInclude, toAlarmItem } from '@/lib/alarms/alarm-item'
import { shouldEscalate, type EscalationLimits } from '@/lib/alarms/alarm-policy'
import type { Db } from '@/lib/db/client'
import { ALARM_PRIORITIES, ALARM_STATES, ALARM_TYPES, storedValue } from '@/lib/domain/enums'
import { runChange } from '@/lib/domain/run-change'
import { escalationLimitsOf, getEscalationSettings } from '@/lib/settings/escalation'

export async function escalateOverdueAlarms(db: Db, now = new Date(), limits?: EscalationLimits): Promise<number> {
  const times = limits ?? escalationLimitsOf(await getEscalationSettings(db))
  const shortest = Math.min(...Object.values(times))
  const candidates = await db.alarm.findMany({
    where: {
      state: 'open',
      escalatedAt: null,
      backfilled: false,
      firstAt: { lte: new Date(now.getTime() - shortest) },
    },
    select: { id: true, type: true, priority: true, state: true, firstAt: true },
    orderBy: [{ firstAt: 'asc' }, { id: 'asc' }],
    take: 200,
  })
  let escalated = 0
  for (const alarm of candidates) {
    const candidate = {
      firstAt: alarm.firstAt,
      type: storedValue(ALARM_TYPES, alarm.type, 'Alarm.type'),
      priority: storedValue(ALARM_PRIORITIES, alarm.priority, 'Alarm.priority'),
      state: storedValue(ALARM_STATES, alarm.state, 'Alarm.state'),
    }
    if (!shouldEscalate(candidate, now, times)) continue
    const changed = await runChange(db, async ({ tx, publish }) => {
      const updated = await tx.alarm.updateMany({
        where: { id: alarm.id, state: 'open', escalatedAt: null },
        data: { escalatedAt: now },
      })
      if (updated.count === 0) return false
      await tx.alarmNote.create({ data: { alarmId: alarm.id, kind: 'escalate' } })
      const row = await tx.alarm.findUniqueOrThrow({ where: { id: alarm.id }, include: alarmInclude })
      publish({ event: 'alarm.updated', payload: toAlarmItem(row) })
      return true
    })
    if (changed) escalated++
  }
  return escalated
}
