// The access-log benchmark's second half: the report queries (buildAccessReport, lib/reports) per filter shape at
// 1M events, and the retention purge's rate with its production settings (500 rows per transaction, 25 ms pause)
// on a throw-away copy of the dataset (a copied SQLite file; a PostgreSQL database created from the dataset as
// template), so the cached 1M rows stay intact.
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import type { AccessFilter } from '@/lib/access/data'
import { createDb, type Db } from '@/lib/db/client'
import { purgeExpired } from '@/lib/retention/purge'
import { buildAccessReport } from '@/lib/reports/access-report'
import { writeJsonValue } from '@/lib/settings/key-value'
import { RETENTION_KEY } from '@/lib/settings/retention'
import { DEFAULT_RETENTION_DAYS } from '@/lib/settings/retention-schema'
import { TEST_POSTGRES_URL } from '@/lib/db/test-database'
import { distributionOf } from '@/bench/support/stats'
import { POSTGRES_DATASET_DB, postgresDatasetUrl, SQLITE_DATASET_FILE, withClient } from '@/bench/support/seed-access'

const DAY = 86_400_000

export type ReportFigures = { name: string; p50: number; p95: number; rows: number }

export function reportShapes(endMs: number): { name: string; filter: AccessFilter }[] {
  const at = (daysAgo: number) => new Date(endMs - daysAgo * DAY)
  return [
    { name: 'all 90 days', filter: {} },
    { name: 'last 7 days', filter: { range: '7d' } },
    { name: 'last 30 days, method=face', filter: { from: at(30), to: at(0), method: 'face' } },
    { name: 'busy gate, 30 days', filter: { deviceId: 'bench-dev-000', from: at(30), to: at(0) } },
    { name: 'one resident (frequent)', filter: { residentId: 'bench-res-0000' } },
    { name: 'one unit', filter: { unit: '1A' } },
    { name: 'refused, 30 days', filter: { result: 'denied', from: at(30), to: at(0) } },
  ]
}

export async function measureReports(db: Db, endMs: number, runs: number): Promise<ReportFigures[]> {
  const now = new Date(endMs)
  const figures: ReportFigures[] = []
  for (const shape of reportShapes(endMs)) {
    const first = await buildAccessReport(db, shape.filter, now) // warm-up
    const samples: number[] = []
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      await buildAccessReport(db, shape.filter, now)
      samples.push(performance.now() - started)
    }
    const d = distributionOf(samples)
    figures.push({ name: shape.name, p50: d.p50, p95: d.p95, rows: first.totals.entries + first.totals.refused })
  }
  return figures
}

export type PurgeFigures = { removed: Record<string, number>; total: number; seconds: number; rate: number }

/** Purges events and snapshots older than `keepDays` (of 90) from a copy of the dataset. */
export async function measurePurge(provider: 'SQLite' | 'PostgreSQL', keepDays: number, endMs: number) {
  const copyFile = `${SQLITE_DATASET_FILE}.purge-copy`
  const copyDb = `${POSTGRES_DATASET_DB}_purge`
  let url: string
  if (provider === 'SQLite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${copyFile}${suffix}`, { force: true })
    for (const suffix of ['', '-wal'])
      if (existsSync(`${SQLITE_DATASET_FILE}${suffix}`))
        copyFileSync(`${SQLITE_DATASET_FILE}${suffix}`, `${copyFile}${suffix}`)
    url = `file:${copyFile}`
  } else {
    await withClient(TEST_POSTGRES_URL, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${copyDb}" WITH (FORCE)`)
      await c.query(`CREATE DATABASE "${copyDb}" TEMPLATE "${POSTGRES_DATASET_DB}"`)
    })
    url = postgresDatasetUrl(copyDb)
  }
  const db = createDb({ databaseUrl: url })
  try {
    await writeJsonValue(db, RETENTION_KEY, { ...DEFAULT_RETENTION_DAYS, accessEvents: keepDays, snapshots: keepDays })
    const started = performance.now()
    const outcome = await purgeExpired(db, { now: new Date(endMs) })
    const seconds = (performance.now() - started) / 1000
    if (!outcome.ran) throw new Error('purge did not run (lease busy)')
    const total = Object.values(outcome.removed).reduce((a, b) => a + b, 0)
    return { removed: outcome.removed, total, seconds, rate: total / seconds }
  } finally {
    await db.$disconnect()
    if (provider === 'SQLite')
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${copyFile}${suffix}`, { force: true })
    else await withClient(TEST_POSTGRES_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${copyDb}" WITH (FORCE)`))
  }
}
