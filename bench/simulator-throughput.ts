// Benchmark: how fast the simulator's message service emits and gets acknowledged. Starts a simulator, connects
// the project's consumer (lib/tuya/message-service/mq-consumer.ts) acking everything, emits N messages as fast as possible and
// prints messages/s emitted and delivered+acked. Target ≥ 2,000/s. `npx tsx bench/simulator-throughput.ts [N]`.
import WebSocket from 'ws'
import { buildMqPassword } from '@/lib/tuya/message-service/message-crypto'
import { buildConsumerUrl, createMessageConsumer } from '@/lib/tuya/message-service/mq-consumer'
import { type RunningSimulator, startSimulator } from '@/simulator/start-simulator'

/** Connects an acking consumer; resolves with its stop function once connected. */
async function connectConsumer(sim: RunningSimulator, kind: 'project' | 'raw'): Promise<() => Promise<void>> {
  if (kind === 'raw') {
    const url = buildConsumerUrl({ wsBaseUrl: sim.mqUrl, accessId: sim.accessId, env: 'event' })
    const ws = new WebSocket(url, {
      headers: { username: sim.accessId, password: buildMqPassword(sim.accessId, sim.accessSecret) },
    })
    ws.on('message', (data) => {
      // The id is the first field of every frame; slicing avoids parsing the whole frame.
      const text = data.toString()
      const end = text.indexOf('"', 14)
      ws.send(`{"messageId":"${text.slice(14, end)}"}`)
    })
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    return async () => void ws.close()
  }
  const consumer = createMessageConsumer({
    wsBaseUrl: sim.mqUrl,
    accessId: sim.accessId,
    accessSecret: sim.accessSecret,
    env: 'event',
    onMessage: async () => {},
  })
  const connected = new Promise<void>((resolve) => consumer.on('connected', resolve))
  consumer.start()
  await connected
  return () => consumer.stop()
}

export type SimulatorThroughputOptions = {
  count?: number
  mqEncryption?: 'ecb' | 'gcm'
  /** `project`: lib/tuya/message-service/mq-consumer (decrypts each frame, one at a time); `raw`: acks frames unread, to show the
   *  simulator's own ceiling. Both run in this process, so they share its CPU with the simulator. */
  consumer?: 'project' | 'raw'
}
export type SimulatorThroughputResult = {
  count: number
  consumer: 'project' | 'raw'
  mqEncryption: 'ecb' | 'gcm'
  emitMs: number
  emittedPerSecond: number
  /** From the first emit to the last ack. */
  ackedMs: number
  ackedPerSecond: number
  redelivered: number
}

export async function benchSimulatorThroughput(
  options: SimulatorThroughputOptions = {},
): Promise<SimulatorThroughputResult> {
  const count = options.count ?? 20_000
  const mqEncryption = options.mqEncryption ?? 'ecb'
  const consumerKind = options.consumer ?? 'project'
  const sim = await startSimulator({ port: 0, mqEncryption })
  const stopConsumer = await connectConsumer(sim, consumerKind)
  try {
    let acked = 0
    let allAcked: () => void = () => {}
    const done = new Promise<void>((resolve) => (allAcked = resolve))
    sim.context.bus.onAcked(() => {
      acked += 1
      if (acked === count) allAcked()
    })
    const started = performance.now()
    const load = await sim.load({ count })
    await done
    const ackedMs = performance.now() - started
    const redelivered = sim.deliveries().filter((m) => m.deliveryCount > 1).length
    return {
      count,
      consumer: consumerKind,
      mqEncryption,
      emitMs: load.durationMs,
      emittedPerSecond: Math.round((count / load.durationMs) * 1000),
      ackedMs,
      ackedPerSecond: Math.round((count / ackedMs) * 1000),
      redelivered,
    }
  } finally {
    await stopConsumer()
    await sim.close()
  }
}

export function formatSimulatorThroughput(r: SimulatorThroughputResult): string {
  const verdict = r.ackedPerSecond >= 2000 ? 'OK' : 'BELOW TARGET'
  return [
    `simulator message service (${r.count} messages, AES-${r.mqEncryption.toUpperCase()}, ${r.consumer} consumer acking all)`,
    `  emitted           ${r.emittedPerSecond.toLocaleString('en')} msg/s (${r.emitMs.toFixed(0)} ms)`,
    `  delivered + acked ${r.ackedPerSecond.toLocaleString('en')} msg/s (${r.ackedMs.toFixed(0)} ms), target ≥ 2,000/s: ${verdict}`,
    `  redelivered       ${r.redelivered}`,
  ].join('\n')
}

if (process.argv[1]?.endsWith('simulator-throughput.ts')) {
  const count = Number(process.argv[2] ?? 20_000)
  void (async () => {
    for (const mqEncryption of ['ecb', 'gcm'] as const) {
      console.log(
        formatSimulatorThroughput(await benchSimulatorThroughput({ count, mqEncryption, consumer: 'project' })),
      )
    }
    console.log(formatSimulatorThroughput(await benchSimulatorThroughput({ count, consumer: 'raw' })))
  })()
}
