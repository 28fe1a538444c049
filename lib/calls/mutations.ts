// A guard answers or declines a ringing call. The first answer wins: the update is conditional on the call
// still ringing, so a second guard gets a clear 409 and every console stops ringing on the broadcast.
// A missed call stays on every guard's "Missed calls" list until one of them marks it seen.
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
      throw call.state === 'answered'
        ? conflict(`Already answered${call.answeredByName ? ` by ${call.answeredByName}` : ''}`, 'call_answered')
        : conflict(`The call has ended (${call.state})`, 'call_ended')
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

/**
 * Marks a missed call seen: it leaves every console's "Missed calls" list. Only missed calls (409 otherwise);
 * a call another guard has just marked is answered as it stands, with no second audit row or broadcast.
 */
export async function markCallSeen(db: Db, actor: Actor, callId: string, context: AuditContext) {
  const now = new Date()
  return runChange(db, async ({ tx, audit, publish }) => {
    const call = await tx.call.findUnique({ where: { id: callId } })
    if (!call) throw notFound('Call')
    if (call.state !== 'missed')
      throw conflict(`Only a missed call can be marked seen (this one is ${call.state})`, 'call_not_missed')
    const updated = await tx.call.updateMany({
      where: { id: callId, state: 'missed', seenAt: null },
      data: { seenAt: now, seenById: actor.userId, seenByName: actor.name },
    })
    const row = await tx.call.findUniqueOrThrow({ where: { id: callId }, include: callInclude })
    const item = toCallItem(row)
    if (updated.count === 0) return item
    audit({
      actor: { userId: actor.userId, label: actor.email },
      action: 'call.seen',
      targetType: 'call',
      targetId: callId,
      details: { device: row.device.name, startedAt: row.startedAt.toISOString() },
      context,
    })
    publish({ event: 'call.updated', payload: item })
    return item
  })
}
