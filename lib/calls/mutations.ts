// A guard answers or declines a ringing call. The first answer wins: the update is conditional on the call
// still ringing, so a second guard gets a clear 409 and every console stops ringing on the broadcast.
import type { Actor } from '@/lib/auth/actor'
import type { AuditContext } from '@/lib/audit/record-audit'
import { callInclude, toCallItem } from '@/lib/calls/call-item'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { conflict, notFound } from '@/lib/errors'

export type CallResponse = 'answer' | 'decline'

export async function respondToCall(db: Db, actor: Actor, callId: string, action: CallResponse, context: AuditContext) {
  const now = new Date()
  const state = action === 'answer' ? 'answered' : 'declined'
  return runChange(db, async ({ tx, audit, publish }) => {
    const call = await tx.call.findUnique({ where: { id: callId } })
    if (!call) throw notFound('Call')
    const updated = await tx.call.updateMany({
      where: { id: callId, state: 'ringing' },
      data: {
        state,
        lastSignalAt: now,
        ...(action === 'answer'
          ? { answeredAt: now, answeredById: actor.userId, answeredByName: actor.name }
          : { endedAt: now }),
      },
    })
    if (updated.count === 0) {
      throw conflict(
        call.state === 'answered'
          ? `Already answered${call.answeredByName ? ` by ${call.answeredByName}` : ''}`
          : `The call has ended (${call.state})`,
      )
    }
    await tx.callEvent.create({
      data: {
        callId,
        signal: action === 'answer' ? 'answered' : 'declined',
        fromState: 'ringing',
        toState: state,
        at: now,
        userId: actor.userId,
      },
    })
    const row = await tx.call.findUniqueOrThrow({ where: { id: callId }, include: callInclude })
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: action === 'answer' ? 'call.answered' : 'call.declined',
      targetType: 'call',
      targetId: callId,
      details: { device: row.device.name },
      context,
    })
    const item = toCallItem(row)
    publish({ event: 'call.updated', payload: item })
    return item
  })
}
