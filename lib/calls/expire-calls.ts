// Calls nobody answered become `missed` after the ring timeout. Runs periodically; the conditional update makes it
// safe with several instances. Each expiry is its own unit of work: state, call event and outbox commit together.
import { callInclude, toCallItem } from '@/lib/calls/call-item'
import { CALL_RING_TIMEOUT_MS } from '@/lib/calls/call-state-machine'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'

export async function expireRingingCalls(db: Db, now = new Date()): Promise<number> {
  const overdue = await db.call.findMany({
    where: { state: 'ringing', startedAt: { lte: new Date(now.getTime() - CALL_RING_TIMEOUT_MS) } },
    select: { id: true, startedAt: true },
    take: 100,
  })
  let expired = 0
  for (const call of overdue) {
    const endedAt = new Date(call.startedAt.getTime() + CALL_RING_TIMEOUT_MS)
    const changed = await runChange(db, async ({ tx, publish }) => {
      const updated = await tx.call.updateMany({
        where: { id: call.id, state: 'ringing' },
        data: { state: 'missed', endedAt, lastSignalAt: endedAt },
      })
      if (updated.count === 0) return false
      await tx.callEvent.create({
        data: { callId: call.id, signal: 'missed', fromState: 'ringing', toState: 'missed', at: endedAt },
      })
      const row = await tx.call.findUniqueOrThrow({ where: { id: call.id }, include: callInclude })
      publish({ event: 'call.updated', payload: toCallItem(row) })
      return true
    })
    if (changed) expired++
  }
  return expired
}
