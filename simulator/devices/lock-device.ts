// Residential / video locks (model A) report standard DPs in protocol-4 status reports: `unlock_face: 3` is the
// credential slot, mapped to a member through the users API (docs/tuya-devices.md §1.1, §3.1).
// Every report is also written to the lock logs (record_id = dataId) so backfill finds the same event.
import { SLOT_CODE, type SlotKey, decideLockAccess } from '@/simulator/devices/lock-access'
import { buildStatusReport } from '@/simulator/devices/message-builders'
import { type SimContext, emitMessage } from '@/simulator/devices/sim-context'
import {
  TriggerError,
  type TriggerActor,
  type TriggerKind,
  type TriggerResult,
} from '@/simulator/devices/trigger-kinds'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import {
  type SimDevice,
  type SimLockLog,
  type SimLockMember,
  appendBounded,
  setDeviceStatus,
} from '@/simulator/state/sim-state'

const SLOT_LABEL: Record<SlotKey, string> = { faceSlot: 'Face', cardSlot: 'Card', passwordSlot: 'Password' }

type Item = { code: string; value: string | number | boolean }
type LogInput = {
  recordType: SimLockLog['recordType']
  member?: SimLockMember
  unlockName?: string
  withMedia: boolean
}

/** Members created through the API carry their own nick name; demo members are named after their resident. */
function memberName(ctx: SimContext, member: SimLockMember): string {
  return member.nickName ?? ctx.state.residents.get(member.residentId)?.name ?? member.lockUserId
}

/** Emits one status report and records it in the lock logs under its dataId. */
export function emitLockReport(ctx: SimContext, device: SimDevice, items: Item[], log: LogInput): EmittedMessage {
  const t = ctx.clock.now()
  const built = buildStatusReport(device, items, t)
  for (const item of items) setDeviceStatus(device, item.code, item.value, t)
  const main = items[0]
  appendBounded(device.lockLogs, {
    recordId: built.sourceId,
    deviceId: device.def.id,
    time: t,
    recordType: log.recordType,
    code: main.code,
    value: main.value,
    userId: log.member?.lockUserId,
    userName: log.member ? memberName(ctx, log.member) : undefined,
    unlockName: log.unlockName,
    media: log.withMedia
      ? ctx.media.putEncryptedFile(
          device.def.id,
          log.member ? ctx.snapshots.residentFace(log.member.residentId) : ctx.snapshots.strangerFace(),
        )
      : undefined,
  })
  return emitMessage(ctx, {
    protocol: built.protocol,
    payload: built.payload,
    sourceId: built.sourceId,
    devId: device.def.id,
  })
}

const WRONG: Record<SlotKey, string> = {
  faceSlot: 'wrong_face',
  cardSlot: 'wrong_card',
  passwordSlot: 'wrong_password',
}

/** An unlock attempt: the slot's DP (or `unlock_temporary`) when it opens, a `wrong_*` alarm when it refuses. */
function attemptUnlock(ctx: SimContext, device: SimDevice, slot: SlotKey, actor: TriggerActor): TriggerResult {
  const decision = decideLockAccess(ctx, device, slot, actor)
  if (decision.outcome === 'refused') return { messages: [alarm(ctx, device, WRONG[slot])], access: decision }
  if ('tempPassword' in decision) {
    const entry = decision.tempPassword
    entry.usedAt = ctx.clock.now()
    const message = emitLockReport(ctx, device, [{ code: 'unlock_temporary', value: entry.slot }], {
      recordType: 'normal',
      unlockName: entry.name || `Temporary password ${entry.slot}`,
      withMedia: false,
    })
    return { messages: [message], access: { outcome: 'granted', tempPasswordId: entry.id } }
  }
  const { member } = decision
  const sn = member[slot] as number
  const message = emitLockReport(ctx, device, [{ code: SLOT_CODE[slot], value: sn }], {
    recordType: 'normal',
    member,
    unlockName: `${SLOT_LABEL[slot]} ${sn}`,
    withMedia: slot === 'faceSlot',
  })
  const person = { personId: member.lockUserId, name: memberName(ctx, member) }
  return { messages: [message], access: { outcome: 'granted', person } }
}

/** `unlock_app` after a password-free door-operate (or a remote unlock trigger). */
export function emitLockRemoteUnlock(ctx: SimContext, device: SimDevice): EmittedMessage {
  return emitLockReport(ctx, device, [{ code: 'unlock_app', value: 0 }], {
    recordType: 'normal',
    unlockName: 'Remote unlock',
    withMedia: true,
  })
}

function alarm(ctx: SimContext, device: SimDevice, value: string, extra: Item[] = []): EmittedMessage {
  return emitLockReport(ctx, device, [{ code: 'alarm_lock', value }, ...extra], {
    recordType: 'alarm',
    withMedia: value !== 'low_battery',
  })
}

export function triggerLock(ctx: SimContext, device: SimDevice, kind: TriggerKind, actor: TriggerActor): TriggerResult {
  switch (kind) {
    case 'face_unlock':
      return attemptUnlock(ctx, device, 'faceSlot', actor)
    case 'card_unlock':
      return attemptUnlock(ctx, device, 'cardSlot', actor)
    case 'pin_unlock':
      return attemptUnlock(ctx, device, 'passwordSlot', actor)
    default:
      return { messages: otherLockTrigger(ctx, device, kind, actor.residentId) }
  }
}

function otherLockTrigger(
  ctx: SimContext,
  device: SimDevice,
  kind: TriggerKind,
  residentId: string | undefined,
): EmittedMessage[] {
  switch (kind) {
    case 'remote_unlock':
      return [emitLockRemoteUnlock(ctx, device)]
    case 'unlock_failed':
      return [alarm(ctx, device, 'wrong_face')]
    case 'repeated_failures':
      // Locks have no "multiple failures" value: they report each wrong attempt; three in a row is the alarm.
      return [alarm(ctx, device, 'wrong_face'), alarm(ctx, device, 'wrong_face'), alarm(ctx, device, 'wrong_face')]
    case 'doorbell': {
      const items: Item[] = [{ code: 'doorbell', value: true }]
      // Video locks also ask for a remote unlock with a countdown (unlock_request, §4.2).
      if (device.def.category === 'videolock') items.push({ code: 'unlock_request', value: 60 })
      return [emitLockReport(ctx, device, items, { recordType: 'normal', unlockName: 'Doorbell', withMedia: true })]
    }
    case 'tamper':
      return [alarm(ctx, device, 'pry')]
    case 'loitering':
      return [alarm(ctx, device, 'stay_alarm')]
    case 'low_battery':
      return [alarm(ctx, device, 'low_battery', [{ code: 'residual_electricity', value: 9 }])]
    case 'duress': {
      const members = device.members.filter((m) => m.duressPasswordSlot !== undefined)
      const member = residentId ? members.find((m) => m.residentId === residentId) : members[0]
      const slot = member?.duressPasswordSlot ?? 99
      // The lock opens with the duress credential and flags it with `hijack` in the same report.
      return [
        emitLockReport(
          ctx,
          device,
          [
            { code: 'unlock_password', value: slot },
            { code: 'hijack', value: true },
          ],
          {
            recordType: 'alarm',
            member,
            unlockName: `Password ${slot}`,
            withMedia: true,
          },
        ),
      ]
    }
    default:
      throw new TriggerError(422, `${kind} is not something a smart lock reports`)
  }
}

export const LOCK_TRIGGERS: TriggerKind[] = [
  'face_unlock',
  'card_unlock',
  'pin_unlock',
  'remote_unlock',
  'unlock_failed',
  'doorbell',
  'tamper',
  'loitering',
  'repeated_failures',
  'duress',
  'low_battery',
  'offline',
  'online',
]
