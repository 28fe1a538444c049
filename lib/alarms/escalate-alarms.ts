// Alarms nobody acknowledged in time escalate: marked once with escalatedAt and an 'escalate' note,
// re-broadcast so every console shows it (and sounds it again). The conditional update makes concurrent
// sweeps from several instances escalate each alarm once; each escalation is one change (mark, note and
// outbox row commit together), so a failure leaves the alarm to the next sweep instead of half-escalated.
import { alarmInclude, toAlarmItem } from '@/lib/alarms/alarm-item'
import { ALARM_ESCALATION_MS, shouldEscalate } from '@/lib/alarms/alarm-policy'
import type { Db } from '@/lib/db/client'
import type { AlarmState, AlarmType } from '@/lib/domain/enums'
import { runChange } from '@/lib/domain/run-change'

const SHORTEST_ESCALATION_MS = Math.min(...Object.values(ALARM_ESCALATION_MS))

export async function escalateOverdueAlarms(db: Db, now = new Date()): Promise<number> {
  const candidates = await db.alarm.findMany({
    where: {
      state: 'open',
      escalatedAt: null,
      backfilled: false,
      firstAt: { lte: new Date(now.getTime() - SHORTEST_ESCALATION_MS) },
    },
    select: { id: true, type: true, state: true, firstAt: true },
    take: 200,
  })
  let escalated = 0
  for (const alarm of candidates) {
    if (!shouldEscalate({ ...alarm, type: alarm.type as AlarmType, state: alarm.state as AlarmState }, now)) continue
    const changed = await runChange(db, async ({ tx, publish }) => {
      const updated = await tx.alarm.updateMany({
        where: { id: alarm.id, state: 'open', escalatedAt: null },
        data: { escalatedAt: now },
      })
      if (updated.count === 0) return false
      await tx.alarmNote.create({ data: { alarmId: alarm.id, kind: 'escalate', body: 'Not acknowledged in time' } })
      const row = await tx.alarm.findUniqueOrThrow({ where: { id: alarm.id }, include: alarmInclude })
      publish({ event: 'alarm.updated', payload: toAlarmItem(row) })
      return true
    })
    if (changed) escalated++
  }
  return escalated
}
