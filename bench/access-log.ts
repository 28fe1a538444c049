// Benchmark: the access history at 1M stored events — listAccessEvents (lib/access/data.ts) for a page of 50 per
// query shape, server side, on SQLite and PostgreSQL; the CSV export (lib/access/export-csv.ts): rows/s and memory
// growth; the report queries (lib/reports); and the retention purge's rate on a copy of the dataset. The 1M rows
// are seeded once and cached (./data/bench/, database bench_access_1m; `npm run seed:history` uses the same seeder).
// `npx tsx bench/access-log.ts [--quick] [--csv-only]` (--csv-only: the CSV export alone, on both databases)
import v8 from 'node:v8'
import vm from 'node:vm'
import { listAccessEvents } from '@/lib/access/data'
import { EXPORT_BATCH_ROWS, streamAccessCsv } from '@/lib/access/export-csv'
import type { AccessQuery } from '@/lib/access/schema'
import { configureSqlite, createDb, type Db } from '@/lib/db/client'
import { encodeCursor } from '@/lib/http/cursor'
import { migrateDatabase } from '@/lib/db/migrate'
import { measurePurge, measureReports } from '@/bench/support/report-purge-bench'
import { machineInfo } from '@/bench/support/machine'
import {
  ensurePostgresDataset,
  ensureSqliteDataset,
  postgresDatasetUrl,
  SQLITE_DATASET_FILE,
} from '@/bench/support/seed-access'
import { type SummaryRow, count, distributionOf, formatTable, ms, perSecond, verdict } from '@/bench/support/stats'

const ROWS = 1_000_000
const TARGET_P95_MS = 25
const TARGET_CSV_ROWS_PER_S = 100_000
/** The export's heap is first measured after this many batches (then at the end: flat memory = the same). */
const EARLY_BATCHES = 3
const DAY = 86_400_000

type Shape = { name: string; query: Omit<AccessQuery, 'limit'> }

/** Query shapes a guard or manager actually uses; ids refer to bench/support/access-dataset.ts. */
function shapesFor(endMs: number): Shape[] {
  const at = (daysAgo: number) => new Date(endMs - daysAgo * DAY)
  const cursorAt = (daysAgo: number) => encodeCursor(at(daysAgo), 'c')
  const busyDevice = 'bench-dev-000'
  const quietDevice = 'bench-dev-023'
  const frequent = 'bench-res-0000'
  const rare = 'bench-res-0599'
  return [
    { name: 'no filter', query: {} },
    { name: 'method=face', query: { method: 'face' } },
    { name: 'method=qr_code (rare)', query: { method: 'qr_code' } },
    { name: 'result=denied', query: { result: 'denied' } },
    { name: 'device (busy gate)', query: { deviceId: busyDevice } },
    { name: 'device (quiet flat door)', query: { deviceId: quietDevice } },
    { name: 'resident (frequent)', query: { residentId: frequent } },
    { name: 'resident (rare)', query: { residentId: rare } },
    { name: 'last 24 h', query: { from: at(1), to: at(0) } },
    { name: 'range=today', query: { range: 'today' } },
    { name: 'unit (frequent resident)', query: { unit: '1A' } },
    { name: 'unit + method=face + 7 days', query: { unit: '1A', method: 'face', range: '7d' } },
    { name: 'deep cursor: unit, 60 days back', query: { unit: '1A', cursor: cursorAt(60) } },
    { name: 'one day, 60 days ago', query: { from: at(61), to: at(60) } },
    { name: 'device + denied', query: { deviceId: busyDevice, result: 'denied' } },
    { name: 'resident + method=card', query: { residentId: frequent, method: 'card' } },
    { name: 'method=qr_code + denied', query: { method: 'qr_code', result: 'denied' } },
    { name: 'device (quiet) + resident (rare)', query: { deviceId: quietDevice, residentId: rare } },
    { name: 'method=face + day 60 days ago', query: { method: 'face', from: at(61), to: at(60) } },
    { name: 'device (busy) + week 30 days ago', query: { deviceId: busyDevice, from: at(37), to: at(30) } },
    {
      name: 'denied + resident (frequent) + 30 days',
      query: { result: 'denied', residentId: frequent, from: at(30), to: at(0) },
    },
    { name: 'deep cursor: 45 days back', query: { cursor: cursorAt(45) } },
    { name: 'deep cursor: 89 days back', query: { cursor: cursorAt(89) } },
    { name: 'deep cursor: denied, 60 days back', query: { result: 'denied', cursor: cursorAt(60) } },
    { name: 'deep cursor: resident (frequent), 80 days back', query: { residentId: frequent, cursor: cursorAt(80) } },
    { name: 'deep cursor: method=qr_code, 70 days back', query: { method: 'qr_code', cursor: cursorAt(70) } },
  ]
}

type ShapeFigures = { name: string; p50: number; p95: number; items: number }

async function measureShapes(db: Db, shapes: Shape[], runs: number, now: Date): Promise<ShapeFigures[]> {
  // Warm-up passes over every shape first: the first ~30 calls of a fresh client pay for Prisma's query
  // compilation and the JIT (11.7 ms p50 cold vs 2.3 ms warm for "no filter"), and the page cache is cold.
  for (let pass = 0; pass < 5; pass++)
    for (const shape of shapes) await listAccessEvents(db, { limit: 50, ...shape.query }, now)
  const figures: ShapeFigures[] = []
  for (const shape of shapes) {
    const query: AccessQuery = { limit: 50, ...shape.query }
    let items = 0
    for (let i = 0; i < 3; i++) items = (await listAccessEvents(db, query, now)).items.length
    const samples: number[] = []
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      await listAccessEvents(db, query, now)
      samples.push(performance.now() - started)
    }
    const d = distributionOf(samples)
    figures.push({ name: shape.name, p50: d.p50, p95: d.p95, items })
  }
  return figures
}

type CsvFigures = {
  rows: number
  seconds: number
  rate: number
  bytes: number
  peakRssGrowthMb: number
  retainedEarlyMb: number
  retainedEndMb: number
}

/** A full GC on demand (flat memory = what survives a GC stays the same, not "no garbage"). */
function collectGarbage(): () => void {
  v8.setFlagsFromString('--expose-gc')
  return vm.runInNewContext('gc') as () => void
}

async function measureCsv(db: Db, maxRows: number): Promise<CsvFigures> {
  const gc = collectGarbage()
  const heapMb = () => {
    gc()
    return process.memoryUsage().heapUsed / 1024 ** 2
  }
  const heap0 = heapMb()
  const rss0 = process.memoryUsage().rss
  let peakRss = rss0
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
  let rows = -1
  let bytes = 0
  let batches = 0
  let retainedEarly = Number.NaN
  let gcMs = 0
  const started = performance.now()
  for await (const chunk of streamAccessCsv(db, {}, { maxRows })) {
    bytes += chunk.length
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) rows++
    if (++batches === EARLY_BATCHES) {
      const gcStarted = performance.now()
      retainedEarly = heapMb() - heap0
      gcMs += performance.now() - gcStarted
    }
  }
  const seconds = (performance.now() - started - gcMs) / 1000
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  return {
    rows,
    seconds,
    rate: rows / seconds,
    bytes,
    peakRssGrowthMb: (peakRss - rss0) / 1024 ** 2,
    retainedEarlyMb: retainedEarly,
    retainedEndMb: heapMb() - heap0,
  }
}

export type AccessLogBenchOptions = {
  runs?: number
  csvRows?: number
  postgres?: boolean
  purge?: boolean
  /** Measure the CSV export only (no list pages, reports or purge). */
  csvOnly?: boolean
}

export async function benchAccessLog(options: AccessLogBenchOptions = {}): Promise<SummaryRow[]> {
  const runs = options.runs ?? 30
  const csvRows = options.csvRows ?? 200_000
  const providers: { label: string; open(): Promise<{ db: Db; endMs: number }> }[] = [
    {
      label: 'SQLite',
      async open() {
        const seeded = await ensureSqliteDataset(ROWS)
        console.log(
          seeded.reused
            ? `SQLite: reusing ${count(ROWS)} seeded events (${SQLITE_DATASET_FILE})`
            : `SQLite: seeded ${count(ROWS)} events in ${seeded.seconds.toFixed(1)} s`,
        )
        await migrateDatabase(`file:${SQLITE_DATASET_FILE}`) // a dataset seeded before a new index gets it
        const db = createDb({ databaseUrl: `file:${SQLITE_DATASET_FILE}` })
        await configureSqlite(db, 'FULL')
        return { db, endMs: seeded.endMs }
      },
    },
  ]
  if (options.postgres ?? true) {
    providers.push({
      label: 'PostgreSQL',
      async open() {
        const seeded = await ensurePostgresDataset(ROWS)
        console.log(
          seeded.reused
            ? `PostgreSQL: reusing ${count(ROWS)} seeded events (database bench_access_1m)`
            : `PostgreSQL: seeded ${count(ROWS)} events in ${seeded.seconds.toFixed(1)} s`,
        )
        await migrateDatabase(postgresDatasetUrl())
        return { db: createDb({ databaseUrl: postgresDatasetUrl() }), endMs: seeded.endMs }
      },
    })
  }
  const summary: SummaryRow[] = []
  for (const provider of providers) {
    const { db, endMs } = await provider.open()
    const label = provider.label === 'SQLite' ? 'SQLite' : 'PostgreSQL'
    try {
      if (!options.csvOnly) {
        const figures = await measureShapes(db, shapesFor(endMs), runs, new Date(endMs))
        console.log(
          formatTable(
            `listAccessEvents, page of 50, ${count(ROWS)} events, ${provider.label} (${runs} runs each; target p95 ≤ ${TARGET_P95_MS} ms)`,
            ['query shape', 'p50', 'p95', 'items', 'verdict'],
            figures.map((f) => [f.name, ms(f.p50), ms(f.p95), String(f.items), verdict(f.p95 <= TARGET_P95_MS)]),
          ),
        )
        const worst = figures.reduce((a, b) => (b.p95 > a.p95 ? b : a))
        const misses = figures.filter((f) => f.p95 > TARGET_P95_MS)
        summary.push({
          metric: `access page of 50 at 1M, ${provider.label}: worst p95 (${worst.name})`,
          ours: ms(worst.p95),
          target: `≤ ${TARGET_P95_MS} ms`,
          baseline: '–',
          verdict: verdict(misses.length === 0),
        })
      }
      const csv = await measureCsv(db, csvRows)
      console.log(
        formatTable(
          `CSV export (streamAccessCsv, batches of ${count(EXPORT_BATCH_ROWS)}), ${provider.label}`,
          [
            'rows',
            'seconds',
            'rows/s',
            'MB written',
            'peak RSS growth',
            `heap retained after GC: at ${count(EARLY_BATCHES * EXPORT_BATCH_ROWS)} rows`,
            'at end',
          ],
          [
            [
              count(csv.rows),
              csv.seconds.toFixed(2),
              perSecond(csv.rate),
              (csv.bytes / 1024 ** 2).toFixed(1),
              `${csv.peakRssGrowthMb.toFixed(1)} MB`,
              `${csv.retainedEarlyMb.toFixed(1)} MB`,
              `${csv.retainedEndMb.toFixed(1)} MB`,
            ],
          ],
        ),
      )
      summary.push({
        metric: `CSV export, ${provider.label} (${count(csv.rows)} rows, heap retained +${csv.retainedEndMb.toFixed(1)} MB)`,
        ours: perSecond(csv.rate),
        target: `≥ ${count(TARGET_CSV_ROWS_PER_S)}/s, flat memory`,
        baseline: '–',
        verdict: verdict(csv.rate >= TARGET_CSV_ROWS_PER_S),
      })
      if (options.csvOnly) continue
      const reports = await measureReports(db, endMs, Math.max(3, Math.round(runs / 3)))
      console.log(
        formatTable(
          `buildAccessReport (GET /api/reports/access), ${count(ROWS)} events, ${provider.label}`,
          ['filter', 'p50', 'p95', 'events counted'],
          reports.map((r) => [r.name, ms(r.p50, 0), ms(r.p95, 0), count(r.rows)]),
        ),
      )
      const slowest = reports.reduce((a, b) => (b.p95 > a.p95 ? b : a))
      summary.push({
        metric: `access report at 1M, ${provider.label}: slowest p95 (${slowest.name})`,
        ours: ms(slowest.p95, 0),
        target: '–',
        baseline: '–',
        verdict: 'info',
      })
    } finally {
      await db.$disconnect()
    }
    if ((options.purge ?? true) && !options.csvOnly) {
      const purge = await measurePurge(label, 75, endMs)
      console.log(
        formatTable(
          `Retention purge (500 rows per transaction, 25 ms pause), events and snapshots older than 75 of 90 days, ${provider.label}`,
          ['rows removed', 'seconds', 'rows/s', 'by class'],
          [[count(purge.total), purge.seconds.toFixed(1), perSecond(purge.rate), JSON.stringify(purge.removed)]],
        ),
      )
      summary.push({
        metric: `retention purge, ${provider.label} (${count(purge.total)} rows)`,
        ours: perSecond(purge.rate),
        target: '–',
        baseline: '–',
        verdict: 'info',
      })
    }
  }
  return summary
}

if (process.argv[1]?.endsWith('access-log.ts')) {
  const quick = process.argv.includes('--quick')
  const csvOnly = process.argv.includes('--csv-only')
  console.log(machineInfo())
  benchAccessLog({ ...(quick ? { runs: 10, csvRows: 50_000, purge: false } : {}), csvOnly })
    .then((rows) =>
      console.log(
        formatTable(
          'Summary',
          ['metric', 'ours', 'target', 'verdict'],
          rows.map((r) => [r.metric, r.ours, r.target, r.verdict]),
        ),
      ),
    )
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
