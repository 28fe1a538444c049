// Face terminals and the door station report the vendor's records (docs/tuya-devices.md §2.11) as protocol-20
// style events: accessRecord (way 1 card, 2 password, 4 face, 9 remote), callStatus (naming the caller it
// recognised, when the doorbell trigger names one) and accessAlarm. The door
// station also reports its doorbell and picture DPs (136 / 154 / 115) with encrypted Tuya file pointers.
import { buildBizEvent, buildStatusReport, encodeFilePointer } from '@/simulator/devices/message-builders'
import { type SimContext, emitMessage } from '@/simulator/devices/sim-context'
import {
  TriggerError,
  type TriggerActor,
  type TriggerKind,
  type TriggerResult,
} from '@/simulator/devices/trigger-kinds'
import {
  type Credential,
  type PickedPerson,
  decideVendorAccess,
  recogniseCaller,
} from '@/simulator/devices/vendor-access'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import { createShortId } from '@/simulator/state/ids'
import { type SimAccessLog, type SimDevice, appendBounded, setDeviceStatus } from '@/simulator/state/sim-state'

const CALL_TIMEOUT_MS = 30_000

const WAY: Record<SimAccessLog['accessType'], number> = { card: 1, password: 2, face: 4, remote: 9, other: 0 }

function captureFor(ctx: SimContext, person?: PickedPerson): string {
  const bytes = person?.residentId ? ctx.snapshots.residentFace(person.residentId) : ctx.snapshots.strangerFace()
  return ctx.media.putImage(bytes)
}

function emitBuilt(
  ctx: SimContext,
  built: { protocol: number; payload: unknown; sourceId: string },
  devId: string,
): EmittedMessage {
  return emitMessage(ctx, { protocol: built.protocol, payload: built.payload, sourceId: built.sourceId, devId })
}

export function emitAccessRecord(
  ctx: SimContext,
  device: SimDevice,
  input: { accessType: SimAccessLog['accessType']; success: boolean; person?: PickedPerson; withImage: boolean },
): EmittedMessage {
  const t = ctx.clock.now()
  const recordId = createShortId('rec')
  const imageId = input.withImage ? captureFor(ctx, input.success ? input.person : undefined) : undefined
  appendBounded(device.accessLogs, {
    recordId,
    deviceId: device.def.id,
    time: t,
    accessType: input.accessType,
    success: input.success,
    userId: input.person?.personId,
    userName: input.person?.name,
    imageId,
  })
  const bizData: Record<string, unknown> = { recordId, way: WAY[input.accessType], success: input.success, time: t }
  if (input.person) Object.assign(bizData, { userId: input.person.personId, userName: input.person.name })
  if (imageId) Object.assign(bizData, { imageUrl: ctx.media.signedImageUrl(imageId), imageId })
  return emitBuilt(ctx, buildBizEvent(device, 'accessRecord', bizData, t, recordId), device.def.id)
}

/** A call record; a ringing one carries the capture and, when the station recognised the caller, their person id. */
function emitCallStatus(
  ctx: SimContext,
  device: SimDevice,
  callId: string,
  status: string,
  ring?: { caller?: PickedPerson },
): EmittedMessage {
  const t = ctx.clock.now()
  const bizData: Record<string, unknown> = { callId, status, time: t }
  if (ring?.caller) bizData.userId = ring.caller.personId
  if (ring) bizData.imageUrl = ctx.media.signedImageUrl(captureFor(ctx, ring.caller))
  return emitBuilt(ctx, buildBizEvent(device, 'callStatus', bizData, t, `${callId}:${status}`), device.def.id)
}

function emitAlarm(ctx: SimContext, device: SimDevice, type: string, withFace: boolean): EmittedMessage {
  const t = ctx.clock.now()
  const alarmId = createShortId('alm')
  const imageId = ctx.media.putImage(withFace ? ctx.snapshots.strangerFace() : ctx.snapshots.scene())
  const bizData = { alarmId, type, time: t, imageUrl: ctx.media.signedImageUrl(imageId) }
  return emitBuilt(ctx, buildBizEvent(device, 'accessAlarm', bizData, t, alarmId), device.def.id)
}

/** Door station picture DP: the capture is uploaded encrypted and only a bucket/path/key pointer is reported. */
function emitPictureDp(
  ctx: SimContext,
  device: SimDevice,
  code: 'doorbell_pic' | 'movement_detect_pic',
  extra: { code: string; value: unknown }[],
): EmittedMessage {
  const t = ctx.clock.now()
  const ref = ctx.media.putEncryptedFile(device.def.id, ctx.snapshots.strangerFace())
  const items = [...extra, { code, value: encodeFilePointer(ref) }]
  for (const item of items) setDeviceStatus(device, item.code, item.value, t)
  return emitBuilt(ctx, buildStatusReport(device, items, t), device.def.id)
}

function startCall(ctx: SimContext, device: SimDevice, caller?: PickedPerson): EmittedMessage[] {
  const t = ctx.clock.now()
  const callId = createShortId('call')
  device.openCall = { callId, startedAt: t, status: 'calling' }
  const ring =
    device.def.model === 'door_station'
      ? emitPictureDp(ctx, device, 'doorbell_pic', [{ code: 'doorbell', value: String(Math.floor(t / 1000)) }])
      : emitBuilt(ctx, buildStatusReport(device, [{ code: 'doorbell', value: true }], t), device.def.id)
  return [ring, emitCallStatus(ctx, device, callId, 'calling', { caller })]
}

/** Remote unlock as the device reports it (after password-free door-operate or a control trigger). */
export function emitVendorRemoteUnlock(ctx: SimContext, device: SimDevice): EmittedMessage {
  // Opening the door ends the call the visitor rang (the console reads the opening as the call's end, §5.4).
  device.openCall = undefined
  return emitAccessRecord(ctx, device, { accessType: 'remote', success: true, withImage: true })
}

const ACCESS_TYPE: Record<Credential, SimAccessLog['accessType']> = { face: 'face', card: 'card', pin: 'password' }

/** An unlock attempt: a granted record naming the person, or a refused one (success false, no user). */
function attemptUnlock(
  ctx: SimContext,
  device: SimDevice,
  credential: Credential,
  actor: TriggerActor,
  duress = false,
): TriggerResult {
  const decision = decideVendorAccess(ctx, device, credential, actor)
  const accessType = ACCESS_TYPE[credential]
  if (decision.outcome === 'refused') {
    const refused = emitAccessRecord(ctx, device, { accessType, success: false, withImage: true })
    return { messages: [refused], access: decision }
  }
  const { person } = decision
  const record = emitAccessRecord(ctx, device, { accessType, success: true, person, withImage: true })
  // A duress PIN opens the door as usual and raises a silent alarm.
  const messages = duress ? [record, emitAlarm(ctx, device, 'duress', true)] : [record]
  return { messages, access: { outcome: 'granted', person: { personId: person.personId, name: person.name } } }
}

function startCallOrKeep(ctx: SimContext, device: SimDevice): EmittedMessage[] {
  const call = device.openCall
  // A ring stops after the two-way talk timeout (TuyaOS default 30 s, docs/tuya-devices.md §5.2).
  const ringing = call?.status === 'calling' && ctx.clock.now() - call.startedAt < CALL_TIMEOUT_MS
  return ringing ? [] : startCall(ctx, device)
}

function otherTrigger(ctx: SimContext, device: SimDevice, kind: TriggerKind): EmittedMessage[] {
  switch (kind) {
    case 'remote_unlock':
      return [emitVendorRemoteUnlock(ctx, device)]
    case 'unlock_failed':
      return [emitAccessRecord(ctx, device, { accessType: 'face', success: false, withImage: true })]
    case 'call_answered': {
      const ring = startCallOrKeep(ctx, device)
      const call = device.openCall!
      call.status = 'answered'
      return [...ring, emitCallStatus(ctx, device, call.callId, 'answered')]
    }
    case 'call_missed': {
      const ring = startCallOrKeep(ctx, device)
      const callId = device.openCall!.callId
      device.openCall = undefined
      return [...ring, emitCallStatus(ctx, device, callId, 'missed')]
    }
    case 'tamper':
      return [emitAlarm(ctx, device, 'tamper', false)]
    case 'loitering': {
      const alarm = emitAlarm(ctx, device, 'loitering', true)
      return device.def.model === 'door_station'
        ? [emitPictureDp(ctx, device, 'movement_detect_pic', []), alarm]
        : [alarm]
    }
    case 'repeated_failures':
      return [emitAlarm(ctx, device, 'multiple_failures', true)]
    default:
      throw new TriggerError(422, `${kind} is not something a ${device.def.kind} reports`)
  }
}

export function triggerVendorDevice(
  ctx: SimContext,
  device: SimDevice,
  kind: TriggerKind,
  actor: TriggerActor,
): TriggerResult {
  switch (kind) {
    case 'face_unlock':
      return attemptUnlock(ctx, device, 'face', actor)
    case 'card_unlock':
      return attemptUnlock(ctx, device, 'card', actor)
    case 'pin_unlock':
      return attemptUnlock(ctx, device, 'pin', actor)
    case 'duress':
      return attemptUnlock(ctx, device, 'pin', actor, true)
    case 'doorbell':
      return { messages: startCall(ctx, device, recogniseCaller(ctx, device, actor)) }
    default:
      return { messages: otherTrigger(ctx, device, kind) }
  }
}

export const VENDOR_TRIGGERS: TriggerKind[] = [
  'face_unlock',
  'card_unlock',
  'pin_unlock',
  'remote_unlock',
  'unlock_failed',
  'doorbell',
  'call_answered',
  'call_missed',
  'tamper',
  'loitering',
  'repeated_failures',
  'duress',
  'offline',
  'online',
]
