// Benchmark: how smoothly the console's live feed draws under 50 door events a second. Starts the real server
// (production build, server.ts, built-in simulator with demo traffic off) on free ports with a fresh SQLite
// database, signs a guard in with Debian's Chromium through Playwright, then has the simulator's load driver
// emit card unlocks at the given rate (message service → ingest → socket.io → the browser) while the page records
// every requestAnimationFrame delta. Prints frame-time p50/p95/p99 and the long frames; nothing asserts.
// Needs `npx next build` first. `npx tsx bench/feed-frame-time.ts [seconds] [perSecond]`
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { z } from 'zod'
import { createDb } from '@/lib/db/client'
import { createUser } from '@/lib/users/mutations'
import { machineInfo } from '@/bench/support/machine'
import { type SummaryRow, count, distributionOf, formatTable, ms } from '@/bench/support/stats'

/** A frame longer than this is a visible stutter (three missed 60 Hz frames). */
const LONG_FRAME_MS = 50
const ROOT = process.cwd()

export type FeedBenchOptions = { seconds?: number; perSecond?: number }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('server did not become healthy in time')
}

/** Records every requestAnimationFrame delta until told to stop. */
const COLLECT_FRAMES = `(() => {
  const state = { frames: [], on: true, last: performance.now() }
  window.__feedBench = state
  const tick = (now) => {
    state.frames.push(now - state.last)
    state.last = now
    if (state.on) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`
/** Stops recording; the deltas (the first, from the script's start, dropped) and how many events the feed holds. */
const STOP_AND_READ = `(() => {
  window.__feedBench.on = false
  const row = document.querySelector('[data-testid="live-feed"] li')
  return { frames: window.__feedBench.frames.slice(1), feedSize: Number(row?.getAttribute('aria-setsize') ?? 0) }
})()`
const pageFiguresSchema = z.object({ frames: z.array(z.number()), feedSize: z.number() })

export async function benchFeedFrameTime(options: FeedBenchOptions = {}): Promise<SummaryRow[]> {
  const seconds = options.seconds ?? 20
  const perSecond = options.perSecond ?? 50
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.log('feed frame time: skipped (no production build; run `npx next build` first)')
    return [info('–', 'skipped: no production build')]
  }
  const [port, simPort] = [await freePort(), await freePort()]
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-feed-'))
  const databaseUrl = `file:${path.join(dir, 'console.db')}`
  const baseUrl = `http://127.0.0.1:${port}`
  const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      SIM_PORT: String(simPort),
      SIM_DEMO_RATE: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    await waitForHealth(baseUrl, server)
    const email = `bench-${randomBytes(4).toString('hex')}@bench.test`
    const password = `pw-${randomBytes(12).toString('hex')}`
    const db = createDb({ databaseUrl })
    await createUser(db, { email, password, role: 'guard', name: 'Bench Guard' })
    await db.$disconnect()

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, baseURL: baseUrl })
    await page.goto('/login')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/console$/)
    await page.getByTestId('stream-status').and(page.locator('[data-status="live"]')).waitFor()
    // The live feed's section (the only one with data-paused; "Missed calls" also says data-loaded).
    await page.locator('section[data-paused][data-loaded="yes"]').waitFor()

    // Plain script text: tsx's transform would add helpers the page does not have to a function passed here.
    await page.evaluate(COLLECT_FRAMES)
    const load = await fetch(`http://127.0.0.1:${simPort}/_sim/load`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: seconds * perSecond, perSecond, wait: true }),
    })
    if (!load.ok) throw new Error(`load driver: HTTP ${load.status} ${await load.text()}`)
    const emitted = (await load.json()) as { emitted: number; durationMs: number }
    await page.waitForTimeout(1_000) // the last events reach the page
    const figures = pageFiguresSchema.parse(await page.evaluate(STOP_AND_READ))
    const frames = distributionOf(figures.frames)
    const long = figures.frames.filter((f) => f > LONG_FRAME_MS).length
    console.log(
      formatTable(
        `Live feed frame times at ${perSecond} events/s for ${(emitted.durationMs / 1000).toFixed(1)} s (${count(emitted.emitted)} events; feed holds ${count(figures.feedSize)})`,
        ['frames', 'p50', 'p95', 'p99', 'max', `long (> ${LONG_FRAME_MS} ms)`],
        [
          [
            count(frames.n),
            ms(frames.p50, 1),
            ms(frames.p95, 1),
            ms(frames.p99, 1),
            ms(frames.max, 1),
            `${count(long)} (${((long / Math.max(1, frames.n)) * 100).toFixed(2)}%)`,
          ],
        ],
      ),
    )
    return [
      info(
        `p50 ${ms(frames.p50, 1)}, p95 ${ms(frames.p95, 1)}, p99 ${ms(frames.p99, 1)}, ${count(long)} long`,
        `${perSecond} events/s`,
      ),
    ]
  } finally {
    await browser.close()
    server.kill('SIGTERM')
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)))
    rmSync(dir, { recursive: true, force: true })
  }
}

function info(ours: string, baseline: string): SummaryRow {
  return {
    metric: 'live feed frame time (bench/feed-frame-time.ts)',
    ours,
    target: 'smooth: p95 ≈ 16.7 ms (60 Hz)',
    baseline,
    verdict: 'info',
  }
}

if (process.argv[1]?.endsWith('feed-frame-time.ts')) {
  console.log(machineInfo())
  const [seconds, perSecond] = process.argv.slice(2).map(Number)
  benchFeedFrameTime({ seconds: seconds || undefined, perSecond: perSecond || undefined }).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
