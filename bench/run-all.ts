// `npm run bench`: every benchmark in sequence, then one summary against our targets (README "Performance").
// Figures only; the exit code says whether the run completed, not whether targets were met. The 1M-row access
// history is seeded once and cached (./data/bench/, PostgreSQL database bench_access_1m). `--quick` shrinks every run.
import { benchAccessLog } from '@/bench/access-log'
import { benchFanout } from '@/bench/fanout'
import { benchFeedFrameTime } from '@/bench/feed-frame-time'
import { benchIngest } from '@/bench/ingest'
import { benchSimulatorThroughput, formatSimulatorThroughput } from '@/bench/simulator-throughput'
import { loadNote, machineInfo } from '@/bench/support/machine'
import { formatSummary, perSecond, type SummaryRow } from '@/bench/support/stats'

async function section<T>(title: string, run: () => Promise<T>): Promise<T> {
  console.log(`\n━━ ${title} ━━`)
  const started = performance.now()
  const result = await run()
  console.log(`(${title}: ${((performance.now() - started) / 1000).toFixed(1)} s; ${loadNote()})`)
  return result
}

async function main() {
  const quick = process.argv.includes('--quick')
  console.log(machineInfo())
  const started = performance.now()
  const rows: SummaryRow[] = []

  const sim = await section('simulator message service', () =>
    benchSimulatorThroughput({ count: quick ? 5_000 : 20_000 }),
  )
  console.log(formatSimulatorThroughput(sim))
  rows.push({
    metric: 'simulator MQ delivered + acked (bench/simulator-throughput.ts)',
    ours: perSecond(sim.ackedPerSecond),
    target: '≥ 2,000/s (simulator README)',
    baseline: '–',
    verdict: sim.ackedPerSecond >= 2000 ? 'meets' : 'MISSES',
  })
  rows.push(
    ...(await section('ingest', () => benchIngest(quick ? { sequential: 300, sustained: 3000, maxSeconds: 4 } : {}))),
  )
  rows.push(...(await section('access log', () => benchAccessLog(quick ? { runs: 10, csvRows: 50_000 } : {}))))
  rows.push(...(await section('fan-out', () => benchFanout(quick ? { events: 10 } : {}))))
  rows.push(...(await section('live feed frame time', () => benchFeedFrameTime(quick ? { seconds: 5 } : {}))))

  console.log(formatSummary(rows))
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s; ${loadNote()}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
