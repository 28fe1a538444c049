// Residential / video locks (model A) report standard DPs in protocol-4 status reports: `unlock_face: 3` is the
// credential slot, mapped to a member through the users API (docs/tuya-devices.md §1.1, §3.1).
// Every report is also written to the lock logs (record_id = dataId) so backfill finds the same event.
import type { DemoLockMember } from '@/simulator/demo-building'
import { buildStatusReport } from '@/simulator/devices/message-builders'
import { type SimContext, emitMessage } from '@/simulator/devices/sim-context'
import { TriggerError, type TriggerKind } from '@/simulator/devices/trigger-kinds'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import { type SimDevice, type SimLockLog, appendBounded, setDeviceStatus } from '@/simulator/state/sim-state'

type SlotKey = 'faceSlot' | 'cardSlot' | 'passwordSlot'
const SLOT_CODE: Record<SlotKey, string> = {
  faceSlot: 'unlock_face',
  cardSlot: 'unlock_card',
  passwordSlot: 'unlock_password',
}
const SLOT_LABEL: Record<SlotKey, string> = { faceSlot: 'Face', cardSlot: 'Card', passwordSlot: 'Password' }

type Item = { code: string; value: string | number | boolean }
type LogInput = {
  recordType: SimLockLog['recordType']
  member?: DemoLockMember
  unlockName?: string
  withMedia: boolean
}

function memberName(ctx: SimContext, member: DemoLockMember): string {
  return ctx.state.residents.get(member.residentId)?.name ?? member.lockUserId
}

export function pickLockMember(ctx: SimContext, device: SimDevice, slot: SlotKey, residentId?: string): DemoLockMember {
  const holders = device.members.filter((m) => m[slot] !== undefined)
  if (residentId) {
    const member = holders.find((m) => m.residentId === residentId || m.lockUserId === residentId)
    if (!member)
      throw new TriggerError(409, `resident ${residentId} has no ${SLOT_CODE[slot]} slot on ${device.def.id}`)
    return member
  }
  const member = holders[Math.floor(Math.random() * holders.length)]
  if (!member) throw new TriggerError(409, `no member of ${device.def.id} has a ${SLOT_CODE[slot]} slot`)
  return member
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

function unlockWithSlot(ctx: SimContext, device: SimDevice, slot: SlotKey, residentId?: string): EmittedMessage {
  const member = pickLockMember(ctx, device, slot, residentId)
  const sn = member[slot] as number
  return emitLockReport(ctx, device, [{ code: SLOT_CODE[slot], value: sn }], {
    recordType: 'normal',
    member,
    unlockName: `${SLOT_LABEL[slot]} ${sn}`,
    withMedia: slot === 'faceSlot',
  })
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

export function triggerLock(
  ctx: SimContext,
  device: SimDevice,
  kind: TriggerKind,
  residentId?: string,
): EmittedMessage[] {
  switch (kind) {
    case 'face_unlock':
      return [unlockWithSlot(ctx, device, 'faceSlot', residentId)]
    case 'card_unlock':
      return [unlockWithSlot(ctx, device, 'cardSlot', residentId)]
    case 'pin_unlock':
      return [unlockWithSlot(ctx, device, 'passwordSlot', residentId)]
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
