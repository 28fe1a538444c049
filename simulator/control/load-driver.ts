// Bursts of realistic messages for benchmarks: card unlocks on locks and access panels (no pictures, so the cost
// measured is the message path, not image encoding). Each is logged like any event, so backfill stays consistent.
import { emitLockReport } from '@/simulator/devices/lock-device'
import type { SimContext } from '@/simulator/devices/sim-context'
import { emitAccessRecord } from '@/simulator/devices/vendor-device'
import type { EmittedMessage } from '@/simulator/mq/emitted-message'

export type LoadOptions = { count: number; perSecond?: number; onMessage?: (message: EmittedMessage) => void }
export type LoadResult = { emitted: number; durationMs: number; firstMessageId?: string; lastMessageId?: string }

type Emitter = () => EmittedMessage

function createEmitters(ctx: SimContext): Emitter[] {
  const emitters: Emitter[] = []
  for (const device of ctx.state.devices.values()) {
    if (!device.online) continue
    if (device.def.model === 'lock') {
      for (const member of device.members.filter((m) => m.cardSlot !== undefined)) {
        emitters.push(() =>
          emitLockReport(ctx, device, [{ code: 'unlock_card', value: member.cardSlot as number }], {
            recordType: 'normal',
            member,
            unlockName: `Card ${member.cardSlot}`,
            withMedia: false,
          }),
        )
      }
    } else {
      for (const card of device.cards.values()) {
        const name = device.persons.get(card.personId)?.name ?? card.personId
        const person = { personId: card.personId, name }
        emitters.push(() =>
          emitAccessRecord(ctx, device, { accessType: 'card', success: true, person, withImage: false }),
        )
      }
    }
  }
  if (emitters.length === 0) throw new Error('no online device with an enrolled card to generate load from')
  return emitters
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve))
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Emits `count` messages, as fast as possible or paced at `perSecond`, yielding to the event loop between chunks. */
export async function runLoad(ctx: SimContext, { count, perSecond, onMessage }: LoadOptions): Promise<LoadResult> {
  const emitters = createEmitters(ctx)
  const started = performance.now()
  const chunk = perSecond ? Math.max(1, Math.ceil(perSecond / 50)) : 250
  let emitted = 0
  let first: EmittedMessage | undefined
  let last: EmittedMessage | undefined
  while (emitted < count) {
    const n = Math.min(chunk, count - emitted)
    for (let i = 0; i < n; i++) {
      last = emitters[(emitted + i) % emitters.length]()
      first ??= last
      onMessage?.(last)
    }
    emitted += n
    if (perSecond) {
      const due = started + (emitted / perSecond) * 1000
      const wait = due - performance.now()
      await (wait > 0 ? sleep(wait) : nextTick())
    } else {
      await nextTick()
    }
  }
  return {
    emitted,
    durationMs: performance.now() - started,
    firstMessageId: first?.messageId,
    lastMessageId: last?.messageId,
  }
}
