// npm run seed:history -- <events> [--days=90]: fills the database at DATABASE_URL (SQLite file or PostgreSQL) with
// a realistic access history ending now — entries and refusals with snapshots, the last week's raw messages, door
// calls, alarms and audit rows — using the doors and residents already stored (e.g. the demo building) or a
// synthetic building when there are none. Batched raw inserts; 1M events in well under a minute. Run it while no
// server writes to the database (the access indexes are rebuilt after the load).
import { seedHistory } from '@/bench/support/history-seeder'
import { getEnv } from '@/lib/env'

function argument(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
}

async function main() {
  const events = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000)
  const days = Number(argument('days') ?? 90)
  if (!Number.isInteger(events) || events < 1 || events > 50_000_000) throw new Error('events: 1 … 50,000,000')
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new Error('--days: 1 … 3650')
  const { databaseUrl } = getEnv()
  console.log(
    `Seeding ${events.toLocaleString('en')} access events over ${days} days into ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}`,
  )
  const result = await seedHistory(databaseUrl, { events, days, seed: Date.now() % 1_000_000, log: console.log })
  const rate = Math.round(events / result.seconds).toLocaleString('en')
  console.log(
    `Done in ${result.seconds.toFixed(1)} s (${rate} events/s; ${result.cpuSeconds.toFixed(1)} s of CPU here):`,
    result.counts,
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
