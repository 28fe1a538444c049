// JSON views of simulator state for the control API: what each device holds (persons with validity, faces with
// the hash of the picture, cards, PINs, lock members, temporary passwords) and its injected faults.
import type { ActiveFaults } from '@/simulator/control/faults'
import type { SimContext } from '@/simulator/devices/sim-context'
import { supportedTriggers } from '@/simulator/devices/trigger-device'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import {
  type SimDevice,
  type SimFace,
  type SimLockMember,
  type SimPerson,
  type SimTempPassword,
  findResidentByPersonId,
  isWithinValidity,
  tempPasswordVerdict,
} from '@/simulator/state/sim-state'

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())

export function summariseDevice(device: SimDevice) {
  return { id: device.def.id, name: device.def.name, category: device.def.category, online: device.online }
}

function describePersonOn(ctx: SimContext, person: SimPerson) {
  return {
    personId: person.personId,
    residentId: findResidentByPersonId(ctx.state, person.personId)?.id ?? null,
    name: person.name,
    beginTime: person.beginTime ?? null,
    endTime: person.endTime ?? null,
    /** Inside the validity window on the device's clock right now. */
    valid: isWithinValidity(person, ctx.clock.now()),
    updatedAt: iso(person.updatedAt),
  }
}

function describeFace(ctx: SimContext, face: SimFace) {
  return {
    personId: face.personId,
    faceId: face.faceId,
    url: face.url,
    bytes: face.bytes,
    sha256: face.sha256,
    /** The picture the device holds (faces pushed through the OpenAPI; demo faces have none). */
    imageUrl: ctx.media.getImage(face.mediaId) ? ctx.media.signedImageUrl(face.mediaId) : null,
    enrolledAt: iso(face.enrolledAt),
  }
}

function describeTempPassword(ctx: SimContext, p: SimTempPassword) {
  return {
    id: p.id,
    name: p.name,
    // Test equipment: the digits are shown so a test can type them at the lock.
    password: p.password,
    effectiveTime: p.effectiveTime,
    invalidTime: p.invalidTime,
    type: p.type,
    slot: p.slot,
    revoked: p.revoked,
    usedAt: iso(p.usedAt),
    state: tempPasswordVerdict(p, ctx.clock.now()),
    createdAt: iso(p.createdAt),
  }
}

const describeMember = (m: SimLockMember) => ({ ...m, nickName: m.nickName ?? null })

export function describeDevice(ctx: SimContext, faults: ActiveFaults, device: SimDevice) {
  return {
    ...summariseDevice(device),
    kind: device.def.kind,
    model: device.def.model,
    productId: device.def.productId,
    location: device.def.location,
    triggers: supportedTriggers(device),
    status: Object.fromEntries([...device.status].map(([code, s]) => [code, s.value])),
    persons: [...device.persons.values()].map((p) => describePersonOn(ctx, p)),
    faces: [...device.faces.values()].map((f) => describeFace(ctx, f)),
    cards: [...device.cards.values()].map((c) => ({
      personId: c.personId,
      cardNo: c.cardNo,
      enrolledAt: iso(c.enrolledAt),
    })),
    // Test equipment: PINs are shown in clear (simulator/README.md).
    pins: [...device.pins.values()].map((p) => ({ personId: p.personId, pin: p.pin, enrolledAt: iso(p.enrolledAt) })),
    members: device.members.map(describeMember),
    tempPasswords: device.tempPasswords.map((p) => describeTempPassword(ctx, p)),
    faults: faults.deviceErrors.filter((f) => f.deviceId === device.def.id),
    unlockCommands: device.unlockCommands.map((c) => ({ ...c, at: iso(c.at) })),
    commands: device.commands.map((c) => ({ ...c, at: iso(c.at) })),
    openCall: device.openCall ?? null,
  }
}

/** One person id across every device: what each holds for them (OpenAPI person or lock member of that id). */
export function describePersonAcrossDevices(ctx: SimContext, personId: string) {
  const devices = [...ctx.state.devices.values()].flatMap((device) => {
    const person = device.persons.get(personId)
    const members = device.members.filter((m) => m.lockUserId === personId)
    if (!person && members.length === 0) return []
    const mine = <T extends { personId: string }>(items: Iterable<T>) =>
      [...items].filter((i) => i.personId === personId)
    return [
      {
        deviceId: device.def.id,
        name: device.def.name,
        online: device.online,
        person: person ? describePersonOn(ctx, person) : null,
        faces: mine(device.faces.values()).map((f) => describeFace(ctx, f)),
        cards: mine(device.cards.values()).map((c) => ({ cardNo: c.cardNo, enrolledAt: iso(c.enrolledAt) })),
        pins: mine(device.pins.values()).map((p) => ({ pin: p.pin, enrolledAt: iso(p.enrolledAt) })),
        member: members[0] ? describeMember(members[0]) : null,
      },
    ]
  })
  return { personId, devices }
}

export function describeDelivery(message: EmittedMessage, includePayload: boolean) {
  return {
    messageId: message.messageId,
    seq: message.seq,
    sourceId: message.sourceId,
    protocol: message.protocol,
    devId: message.devId,
    env: message.env,
    createdAt: iso(message.createdAt),
    mq: message.mq,
    deliveryCount: message.deliveryCount,
    ackedAt: iso(message.ackedAt),
    webhook: message.webhook,
    ...(includePayload ? { payload: message.payload } : {}),
  }
}
