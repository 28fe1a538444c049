// Benchmark: webhook and message-service ingest, end to end to a console's socket. Prints figures, asserts none.
//  1. bare baseline (same run): node:http + HMAC + one better-sqlite3 insert (WAL, synchronous FULL and NORMAL)
//     + socket.io emit — the reference point of our targets (README "Performance");
//  2. ours: handleTuyaWebhook + attachLiveServer + a fresh migrated SQLite (FULL = the app default, and NORMAL),
//     and PostgreSQL when one answers on 127.0.0.1:5432;
//  3. message service: the simulator (this process) → lib/tuya/message-service/mq-consumer → ingestMessage → socket client.
// Each server runs in its own process (bench/support/ingest-server.ts); senders and the socket client run here.
// `npx tsx bench/ingest.ts [--quick]`
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { generateTuyaCredentials } from '@/lib/tuya/demo-credentials'
import { TEST_POSTGRES_URL } from '@/lib/db/test-database'
import { startSimulator } from '@/simulator/start-simulator'
import { startBenchChild } from '@/bench/support/child-process'
import type { IngestServerOptions, IngestServerReady, IngestServerReply } from '@/bench/support/ingest-protocol'
import { connectLiveClient, type LiveClient } from '@/bench/support/live-client'
import { loadNote, machineInfo } from '@/bench/support/machine'
import {
  type Distribution,
  type SummaryRow,
  count,
  distributionOf,
  formatSummary,
  formatTable,
  ms,
  perSecond,
  verdict,
} from '@/bench/support/stats'
import { accessRecordPayload, createWebhookSender, type WebhookSender } from '@/bench/support/webhook-client'

const CREDENTIALS = generateTuyaCredentials()
const TARGET = { p50: 5, p99: 25, rate: 1500, ratio: 0.75 }

export type IngestBenchOptions = {
  sequential?: number
  sustained?: number
  inFlight?: number
  maxSeconds?: number
  postgres?: boolean
  mq?: boolean
}

type Sizes = Required<Omit<IngestBenchOptions, 'postgres' | 'mq'>>

type WebhookFigures = {
  label: string
  socket: Distribution
  http: Distribution
  sequentialFailures: number
  rate: number
  sent: number
  accepted: number
  stored: number
  lost: number
  delivered: number
}

type Server = Awaited<ReturnType<typeof startBenchChild<IngestServerReady, IngestServerReply>>>

async function storedCount(server: Server): Promise<number> {
  const reply = await server.request({ type: 'count' })
  return reply.type === 'count' ? reply.accessEvents : Number.NaN
}

async function measureSequential(sender: WebhookSender, client: LiveClient, runId: string, n: number) {
  const socket: number[] = []
  const http: number[] = []
  let failures = 0
  for (let i = 0; i < n; i++) {
    const body = accessRecordPayload(runId, i)
    const arrival = client.nextEvent()
    const started = performance.now()
    try {
      const status = await sender.post(body)
      http.push(performance.now() - started)
      if (status !== 200) throw new Error(`HTTP ${status}`)
      socket.push((await arrival) - started)
    } catch {
      failures++
      await arrival.catch(() => undefined)
    }
  }
  return { socket: distributionOf(socket), http: distributionOf(http), failures }
}

/**
 * Up to `total` posts with at most `inFlight` outstanding, stopping early after `maxMs` so a slow server cannot
 * stretch the run; rate = events delivered to the socket / wall time.
 */
async function measureSustained(
  sender: WebhookSender,
  client: LiveClient,
  runId: string,
  total: number,
  inFlight: number,
  maxMs: number,
) {
  client.reset()
  let next = 0
  let accepted = 0
  const started = performance.now()
  const deadline = started + maxMs
  const worker = async () => {
    while (next < total && performance.now() < deadline) {
      const index = next++
      const status = await sender.post(accessRecordPayload(runId, index)).catch(() => 0)
      if (status === 200) accepted++
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  const delivered = await client.waitForCount(next, 10_000)
  const lastArrival = client.arrivals.at(-1) ?? performance.now()
  return { sent: next, accepted, delivered, rate: (delivered / (lastArrival - started)) * 1000 }
}

async function benchWebhook(label: string, options: IngestServerOptions, sizes: Sizes): Promise<WebhookFigures> {
  const server = await startBenchChild<IngestServerReady, IngestServerReply>('support/ingest-server.ts', options)
  const sender = createWebhookSender(server.ready.port, CREDENTIALS, sizes.inFlight)
  const client = await connectLiveClient(server.ready.port, server.ready.token)
  try {
    const runId = `bench-${randomBytes(4).toString('hex')}`
    await measureSequential(sender, client, `${runId}-warm`, Math.min(200, sizes.sequential))
    const sequential = await measureSequential(sender, client, `${runId}-seq`, sizes.sequential)
    const before = await storedCount(server)
    const sustained = await measureSustained(
      sender,
      client,
      `${runId}-load`,
      sizes.sustained,
      sizes.inFlight,
      sizes.maxSeconds * 1000,
    )
    const stored = (await storedCount(server)) - before
    return {
      label,
      socket: sequential.socket,
      http: sequential.http,
      sequentialFailures: sequential.failures,
      rate: sustained.rate,
      sent: sustained.sent,
      accepted: sustained.accepted,
      stored,
      lost: sustained.sent - stored,
      delivered: sustained.delivered,
    }
  } finally {
    client.close()
    sender.close()
    await server.stop()
  }
}

type MqFigures = {
  label: string
  perSecondOffered: number
  sent: number
  delivered: number
  stored: number
  latency: Distribution
  rate: number
}

/** Simulator here, our server (consumer + ingest + live server) in the child; latency = bus publish → socket. */
/**
 * The simulator drives our server at a fixed rate, through the message service (`mq`) or through its signed
 * webhook pusher (`webhook`, 16 concurrent POSTs, as a vendor cloud would push).
 */
async function benchMessageService(
  synchronous: 'FULL' | 'NORMAL',
  phases: { count: number; perSecond: number }[],
  channel: 'mq' | 'webhook' = 'mq',
): Promise<MqFigures[]> {
  const sim = await startSimulator({ port: 0, webhookUrl: null, demoPerMinute: 0 })
  const published: number[] = []
  sim.context.bus.onPublished(() => published.push(performance.now()))
  const server = await startBenchChild<IngestServerReady, IngestServerReply>('support/ingest-server.ts', {
    kind: 'ours',
    provider: 'sqlite',
    synchronous,
    accessId: sim.accessId,
    accessSecret: sim.accessSecret,
    ...(channel === 'mq' ? { mq: { wsBaseUrl: sim.mqUrl } } : {}),
  } satisfies IngestServerOptions)
  if (channel === 'webhook') sim.setWebhookUrl(`http://127.0.0.1:${server.ready.port}/api/webhooks/tuya`)
  const client = await connectLiveClient(server.ready.port, server.ready.token)
  const figures: MqFigures[] = []
  try {
    for (const phase of [
      { count: 100, perSecond: 50, warmup: true },
      ...phases.map((p) => ({ ...p, warmup: false })),
    ]) {
      published.length = 0
      client.reset()
      const before = await storedCount(server)
      const response = await fetch(`${sim.url}/_sim/load`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: phase.count, perSecond: phase.perSecond }),
      })
      if (!response.ok) throw new Error(`/_sim/load answered ${response.status}`)
      // Bounded: whatever has not arrived 15 s after the load ends is reported as backlog, not waited for.
      const delivered = await client.waitForCount(phase.count, 15_000 + (phase.count / phase.perSecond) * 1000)
      const stored = (await storedCount(server)) - before
      if (phase.warmup) continue
      // The consumer handles frames strictly in order and each card unlock yields one access.created, so the
      // k-th socket event belongs to the k-th published message.
      const n = Math.min(published.length, client.arrivals.length)
      const latency = Array.from({ length: n }, (_, k) => client.arrivals[k] - published[k])
      figures.push({
        label: `${channel === 'mq' ? 'message service' : 'simulator webhook push'}, offered ${count(phase.perSecond)}/s, SQLite ${synchronous}`,
        perSecondOffered: phase.perSecond,
        sent: phase.count,
        delivered,
        stored,
        latency: distributionOf(latency),
        rate: (delivered / ((client.arrivals.at(-1) ?? performance.now()) - (published[0] ?? 0))) * 1000,
      })
    }
  } finally {
    client.close()
    await server.stop()
    await sim.close()
  }
  return figures
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2_000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export async function benchIngest(options: IngestBenchOptions = {}): Promise<SummaryRow[]> {
  const sizes: Sizes = {
    sequential: options.sequential ?? 1000,
    sustained: options.sustained ?? 10_000,
    inFlight: options.inFlight ?? 32,
    maxSeconds: options.maxSeconds ?? 8,
  }
  const base = { ...CREDENTIALS, provider: 'sqlite' as const }
  const bareFull = await benchWebhook(
    'bare baseline, SQLite FULL',
    { ...base, kind: 'bare', synchronous: 'FULL' },
    sizes,
  )
  const bareNormal = await benchWebhook(
    'bare baseline, SQLite NORMAL',
    { ...base, kind: 'bare', synchronous: 'NORMAL' },
    sizes,
  )
  const oursFull = await benchWebhook(
    'ours, SQLite FULL (default)',
    { ...base, kind: 'ours', synchronous: 'FULL' },
    sizes,
  )
  const oursNormal = await benchWebhook('ours, SQLite NORMAL', { ...base, kind: 'ours', synchronous: 'NORMAL' }, sizes)
  const webhook = [bareFull, bareNormal, oursFull, oursNormal]
  if ((options.postgres ?? true) && (await postgresAnswers())) {
    webhook.push(
      await benchWebhook(
        'ours, PostgreSQL',
        { ...base, kind: 'ours', provider: 'postgresql', synchronous: 'FULL' },
        sizes,
      ),
    )
  }
  const baselineFor = (f: WebhookFigures) => (f.label.includes('NORMAL') ? bareNormal : bareFull)

  console.log(
    formatTable(
      `Webhook → socket client (${count(sizes.sequential)} sequential; then up to ${count(sizes.sustained)} posted in ≤ ${sizes.maxSeconds} s with ≤ ${sizes.inFlight} in flight)`,
      [
        'server',
        'socket p50',
        'p95',
        'p99',
        'HTTP 200 p50',
        'p99',
        'events/s',
        '× bare',
        'sent',
        'stored',
        'lost',
        'delivered',
      ],
      webhook.map((f) => [
        f.label,
        ms(f.socket.p50),
        ms(f.socket.p95),
        ms(f.socket.p99),
        ms(f.http.p50),
        ms(f.http.p99),
        perSecond(f.rate),
        f.label.startsWith('bare') ? '' : `${(f.rate / baselineFor(f).rate).toFixed(2)}×`,
        count(f.sent),
        count(f.stored),
        count(f.lost),
        count(f.delivered),
      ]),
    ),
  )
  console.log(
    `targets: p50 ≤ ${TARGET.p50} ms, p99 ≤ ${TARGET.p99} ms; ≥ ${count(TARGET.rate)} events/s and ≥ ${TARGET.ratio}× the bare baseline, lost = 0`,
  )
  console.log(
    '(× bare compares like for like: FULL with FULL, NORMAL with NORMAL; PostgreSQL against bare SQLite FULL)',
  )
  console.log(loadNote())

  let mq: MqFigures[] = []
  if (options.mq ?? true) {
    const phases = [
      { count: 250, perSecond: 50 },
      { count: 4500, perSecond: 1500 },
    ]
    mq = [
      ...(await benchMessageService('FULL', phases, 'mq')),
      ...(await benchMessageService('FULL', phases, 'webhook')),
    ]
    console.log(
      formatTable(
        'Simulator at a fixed rate (POST /_sim/load) → message service consumer or webhook → ingest → socket client; latency from publish',
        ['run', 'p50', 'p95', 'p99', 'max', 'delivered/s', 'sent', 'stored', 'backlog at end'],
        mq.map((f) => [
          f.label,
          ms(f.latency.p50),
          ms(f.latency.p95),
          ms(f.latency.p99),
          ms(f.latency.max),
          perSecond(f.rate),
          count(f.sent),
          count(f.stored),
          count(f.sent - f.stored),
        ]),
      ),
    )
  }

  const rows: SummaryRow[] = []
  for (const f of webhook.filter((w) => !w.label.startsWith('bare'))) {
    const baseline = baselineFor(f)
    rows.push({
      metric: `webhook→socket p50 / p99, ${f.label.replace('ours, ', '')}`,
      ours: `${ms(f.socket.p50)} / ${ms(f.socket.p99)}`,
      target: `≤ ${TARGET.p50} / ≤ ${TARGET.p99} ms`,
      baseline: `${ms(baseline.socket.p50)} / ${ms(baseline.socket.p99)}`,
      verdict: verdict(f.socket.p50 <= TARGET.p50 && f.socket.p99 <= TARGET.p99 && f.sequentialFailures === 0),
    })
    rows.push({
      metric: `sustained ingest, ${f.label.replace('ours, ', '')} (lost ${f.lost})`,
      ours: `${perSecond(f.rate)} (${(f.rate / baseline.rate).toFixed(2)}×)`,
      target: `≥ ${count(TARGET.rate)}/s, ≥ ${TARGET.ratio}×, 0 lost`,
      baseline: perSecond(baseline.rate),
      verdict: verdict(f.rate >= TARGET.rate && f.rate >= TARGET.ratio * baseline.rate && f.lost === 0),
    })
  }
  for (const f of mq) {
    const via = f.label.startsWith('message service') ? 'MQ' : 'sim webhook'
    rows.push({
      metric: `${via}→socket p50 / p99 at ${count(f.perSecondOffered)}/s offered`,
      ours: `${ms(f.latency.p50)} / ${ms(f.latency.p99)}`,
      target: `≤ ${TARGET.p50} / ≤ ${TARGET.p99} ms`,
      baseline: '–',
      verdict: verdict(f.latency.p50 <= TARGET.p50 && f.latency.p99 <= TARGET.p99),
    })
    if (f.perSecondOffered >= TARGET.rate) {
      rows.push({
        metric: `${via} sustained at ${count(f.perSecondOffered)}/s offered (backlog ${f.sent - f.stored})`,
        ours: perSecond(f.rate),
        target: `≥ ${count(TARGET.rate)}/s, no backlog`,
        baseline: perSecond(bareFull.rate),
        verdict: verdict(f.rate >= TARGET.rate && f.sent === f.stored),
      })
    }
  }
  return rows
}

if (process.argv[1]?.endsWith('ingest.ts')) {
  const quick = process.argv.includes('--quick')
  console.log(machineInfo())
  benchIngest(quick ? { sequential: 300, sustained: 2000 } : {})
    .then((rows) => console.log(formatSummary(rows)))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
