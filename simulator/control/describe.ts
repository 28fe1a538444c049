// JSON views of simulator state for the control API.
import { supportedTriggers } from '@/simulator/devices/trigger-device'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'
import type { SimDevice, SimState } from '@/simulator/state/sim-state'
import { findResidentByPersonId } from '@/simulator/state/sim-state'

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())

export function summariseDevice(device: SimDevice) {
  return { id: device.def.id, name: device.def.name, category: device.def.category, online: device.online }
}

export function describeDevice(state: SimState, device: SimDevice) {
  const residentOf = (personId: string) => findResidentByPersonId(state, personId)?.id ?? null
  return {
    ...summariseDevice(device),
    kind: device.def.kind,
    model: device.def.model,
    productId: device.def.productId,
    location: device.def.location,
    triggers: supportedTriggers(device),
    status: Object.fromEntries([...device.status].map(([code, s]) => [code, s.value])),
    persons: [...device.persons.values()].map((p) => ({
      personId: p.personId,
      residentId: residentOf(p.personId),
      name: p.name,
      beginTime: p.beginTime ?? null,
      endTime: p.endTime ?? null,
      updatedAt: iso(p.updatedAt),
    })),
    faces: [...device.faces.values()].map((f) => ({
      personId: f.personId,
      faceId: f.faceId,
      url: f.url,
      bytes: f.bytes,
      enrolledAt: iso(f.enrolledAt),
    })),
    cards: [...device.cards.values()].map((c) => ({
      personId: c.personId,
      cardNo: c.cardNo,
      enrolledAt: iso(c.enrolledAt),
    })),
    pins: [...device.pins.values()].map((p) => ({ personId: p.personId, pin: p.pin, enrolledAt: iso(p.enrolledAt) })),
    members: device.members,
    tempPasswords: device.tempPasswords,
    unlockCommands: device.unlockCommands.map((c) => ({ ...c, at: iso(c.at) })),
    commands: device.commands.map((c) => ({ ...c, at: iso(c.at) })),
    openCall: device.openCall ?? null,
  }
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
