// Dispatches a control-API trigger to the device's behaviour, and handles connectivity for every model:
// protocol 20 online/offline (+ IoT Core 1001 deviceOnline/deviceOffline when the project has it enabled).
import { LOCK_TRIGGERS, emitLockRemoteUnlock, triggerLock } from '@/simulator/devices/lock-device'
import { buildBizEvent, buildIotCoreDeviceEvent } from '@/simulator/devices/message-builders'
import { type SimContext, emitMessage } from '@/simulator/devices/sim-context'
import {
  TriggerError,
  type TriggerActor,
  type TriggerKind,
  type TriggerResult,
} from '@/simulator/devices/trigger-kinds'
import { VENDOR_TRIGGERS, emitVendorRemoteUnlock, triggerVendorDevice } from '@/simulator/devices/vendor-device'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import type { SimDevice } from '@/simulator/state/sim-state'

function setConnectivity(ctx: SimContext, device: SimDevice, online: boolean): EmittedMessage[] {
  const t = ctx.clock.now()
  device.online = online
  const bizCode = online ? 'online' : 'offline'
  const legacy = buildBizEvent(
    device,
    bizCode,
    { time: t, uid: ctx.state.building.ownerUid },
    t,
    `${bizCode}:${device.def.id}:${t}`,
  )
  const messages = [emitMessage(ctx, { ...legacy, devId: device.def.id })]
  if (ctx.iotCore) {
    const core = buildIotCoreDeviceEvent(
      device,
      online ? 'deviceOnline' : 'deviceOffline',
      ctx.state.building.ownerUid,
      t,
    )
    messages.push(emitMessage(ctx, { ...core, devId: device.def.id }))
  }
  return messages
}

export function supportedTriggers(device: SimDevice): TriggerKind[] {
  return device.def.model === 'lock' ? LOCK_TRIGGERS : VENDOR_TRIGGERS
}

const UNLOCK_KINDS: TriggerKind[] = ['face_unlock', 'card_unlock', 'pin_unlock']

/** Refuses an actor that makes no sense for the kind (e.g. a card number for a face unlock). */
function checkActor(kind: TriggerKind, actor: TriggerActor): void {
  const named = [actor.residentId, actor.personId, actor.cardNo, actor.pin].filter((v) => v !== undefined)
  if (named.length > 1) throw new TriggerError(422, 'name at most one of residentId, personId, cardNo, pin')
  if (actor.cardNo !== undefined && kind !== 'card_unlock') throw new TriggerError(422, 'cardNo is for card_unlock')
  if (actor.pin !== undefined && kind !== 'pin_unlock') throw new TriggerError(422, 'pin is for pin_unlock')
  if (actor.personId !== undefined && !UNLOCK_KINDS.includes(kind) && kind !== 'doorbell')
    throw new TriggerError(422, `personId is for ${UNLOCK_KINDS.join(', ')} and doorbell`)
}

/** Runs a trigger and says, for unlock attempts, whether the device opened (and for whom) or refused (and why). */
export function runTrigger(
  ctx: SimContext,
  deviceId: string,
  kind: TriggerKind,
  actor: TriggerActor = {},
): TriggerResult {
  const device = ctx.state.devices.get(deviceId)
  if (!device) throw new TriggerError(404, `unknown device ${deviceId}`)
  checkActor(kind, actor)
  if (kind === 'online' || kind === 'offline') return { messages: setConnectivity(ctx, device, kind === 'online') }
  if (!device.online) throw new TriggerError(409, `${deviceId} is offline; trigger "online" first`)
  if (!supportedTriggers(device).includes(kind))
    throw new TriggerError(422, `${kind} is not supported by a ${device.def.kind}`)
  if (kind === 'doorbell' && actor.personId !== undefined && device.def.model === 'lock')
    throw new TriggerError(
      422,
      'a lock recognises nobody who rings it: personId is for face terminals and door stations',
    )
  return device.def.model === 'lock'
    ? triggerLock(ctx, device, kind, actor)
    : triggerVendorDevice(ctx, device, kind, actor)
}

/** The emitted messages only; a string names a demo resident (the original signature). */
export function triggerDevice(
  ctx: SimContext,
  deviceId: string,
  kind: TriggerKind,
  actor?: string | TriggerActor,
): EmittedMessage[] {
  return runTrigger(ctx, deviceId, kind, typeof actor === 'string' ? { residentId: actor } : actor).messages
}

/** What the device reports after a remote open: `unlock_app` on locks, a way-9 access record elsewhere. */
export function emitRemoteUnlock(ctx: SimContext, device: SimDevice): EmittedMessage {
  return device.def.model === 'lock' ? emitLockRemoteUnlock(ctx, device) : emitVendorRemoteUnlock(ctx, device)
}
