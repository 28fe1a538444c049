// Random, realistic traffic for the demo: mostly face and card entries, the odd doorbell call, failed attempt or
// alarm. Rate in events per minute; 0 stops it.
import type { SimContext } from '@/simulator/devices/sim-context'
import { supportedTriggers, triggerDevice } from '@/simulator/devices/trigger-device'
import type { TriggerKind } from '@/simulator/devices/trigger-kinds'

const WEIGHTS: [TriggerKind, number][] = [
  ['face_unlock', 50],
  ['card_unlock', 14],
  ['pin_unlock', 8],
  ['doorbell', 6],
  ['call_answered', 4],
  ['call_missed', 3],
  ['remote_unlock', 3],
  ['unlock_failed', 7],
  ['loitering', 2],
  ['repeated_failures', 1],
  ['tamper', 1],
  ['low_battery', 1],
]

function pickWeighted(options: [TriggerKind, number][]): TriggerKind {
  const total = options.reduce((sum, [, w]) => sum + w, 0)
  let r = Math.random() * total
  for (const [kind, w] of options) {
    r -= w
    if (r <= 0) return kind
  }
  return options[0][0]
}

export class DemoDriver {
  private timer: NodeJS.Timeout | null = null
  private perMinute = 0

  constructor(
    private readonly ctx: SimContext,
    private readonly onError: (message: string) => void,
  ) {}

  get rate(): number {
    return this.perMinute
  }

  setRate(perMinute: number): void {
    this.perMinute = Math.max(0, perMinute)
    this.stop()
    if (this.perMinute > 0) this.schedule()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** One random event on a random online device; returns false when nothing could be emitted. */
  emitOne(): boolean {
    const devices = [...this.ctx.state.devices.values()].filter((d) => d.online)
    const device = devices[Math.floor(Math.random() * devices.length)]
    if (!device) return false
    const supported = supportedTriggers(device)
    const kind = pickWeighted(WEIGHTS.filter(([k]) => supported.includes(k)))
    try {
      triggerDevice(this.ctx, device.def.id, kind)
      return true
    } catch (error) {
      // A device without e.g. a PIN holder simply skips this tick.
      this.onError(`demo ${kind} on ${device.def.id}: ${error instanceof Error ? error.message : String(error)}`)
      return false
    }
  }

  private schedule(): void {
    // Exponential inter-arrival times: a Poisson process looks like real foot traffic, not a metronome.
    const meanMs = 60_000 / this.perMinute
    const delay = Math.min(meanMs * 5, -Math.log(1 - Math.random()) * meanMs)
    this.timer = setTimeout(() => {
      this.emitOne()
      this.schedule()
    }, delay)
    this.timer.unref()
  }
}
