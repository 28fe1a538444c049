// What device behaviours need from the simulator: state, clock, media and one way to emit a message.
import type { EmittedMessage, MqEnv } from '@/simulator/mq/emitted-message'
import type { MessageBus } from '@/simulator/mq/message-bus'
import type { MediaStore } from '@/simulator/media/media-store'
import type { SnapshotPool } from '@/simulator/media/snapshot-images'
import type { SimClock } from '@/simulator/state/clock'
import type { SimState } from '@/simulator/state/sim-state'

export type SimContext = {
  state: SimState
  clock: SimClock
  bus: MessageBus
  media: MediaStore
  snapshots: SnapshotPool
  /** Topic the cloud project pushes to (chosen in Tuya's console in real life). */
  env: MqEnv
  /** Also push IoT Core protocol 1001 device-management messages (a project can enable both families). */
  iotCore: boolean
}

export type EmitInput = {
  protocol: number
  payload: unknown
  devId: string | null
  sourceId: string | null
  env?: MqEnv
}

export function emitMessage(ctx: SimContext, input: EmitInput): EmittedMessage {
  return ctx.bus.publish({ ...input, env: input.env ?? ctx.env })
}

/** The summary the control API returns for each emitted message. */
export function describeEmitted(message: EmittedMessage) {
  return {
    messageId: message.messageId,
    sourceId: message.sourceId,
    protocol: message.protocol,
    payload: message.payload,
  }
}
