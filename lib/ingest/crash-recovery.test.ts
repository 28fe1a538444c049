// Kill test (nothing lost, duplicates stored once): the real app (server.ts,
// production build) consumes the message service of a separately started simulator (simulator/main.ts) under
// steady load; it is SIGKILLed mid-stream and started again, with the OpenAPI backfill switched off so that the
// ack-after-commit discipline alone must carry every message. Once the simulator has nothing left unacked: every
// message it saw acknowledged is in InboundMessage, no source id is stored twice, and there is exactly one
// AccessEvent (and one access.created broadcast) per access message.
//
// Runs on SQLite (the default deployment) unless KILL_TEST_DATABASES names more, e.g. `sqlite,postgresql`:
// each run starts the app twice, and that start-up dominates the time. Needs `npx next build` (built here once
// when .next/BUILD_ID is missing).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db, type DbProvider } from '@/lib/db/client'
import { createEmptyDatabase } from '@/lib/db/test-database'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'

const ROOT = path.resolve(__dirname, '../..')
const MESSAGES = 600
const PER_SECOND = 100
/** Kill once this many are acked, and start again once this many more have been emitted during the outage. */
const KILL_AFTER_ACKED = 150
const EMITTED_WHILE_DOWN = 100

const BACKFILL_LOG_ROUTES = [
  '/v1.0/devices/{deviceId}/door-lock/records',
  '/v1.0/devices/{deviceId}/door-lock/open-logs',
  '/v1.0/iot-02/access-control-logs',
]

const KILL_TEST_PROVIDERS = (process.env.KILL_TEST_DATABASES ?? 'sqlite')
  .split(',')
  .map((p) => p.trim())
  .filter((p): p is DbProvider => p === 'sqlite' || p === 'postgresql')

type Delivery = { messageId: string; sourceId: string | null; mq: string; deliveryCount: number }
type Deliveries = {
  total: number
  counts: Record<'pending' | 'delivered' | 'acked' | 'expired', number>
  items: Delivery[]
}

type Proc = { child: ChildProcess; name: string; log: string[]; exited: Promise<number | null> }

function startProcess(name: string, script: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log: string[] = []
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    if (log.length > 200) log.splice(0, log.length - 200)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, name, log, exited }
}

async function stopProcess(proc: Proc | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return
  proc.child.kill(signal)
  // A graceful stop that hangs is ended: the test reads the database afterwards either way.
  const hung = setTimeout(() => proc.child.kill('SIGKILL'), 20_000)
  await proc.exited
  clearTimeout(hung)
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T | undefined> {
  try {
    const response = await fetch(url, init)
    return response.ok ? ((await response.json()) as T) : undefined
  } catch {
    return undefined
  }
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV')
  return { ...Object.fromEntries(inherited), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...extra }
}

/** The production build, waiting out a `next build` another process is running (its lock file present). */
async function ensureProductionBuild(): Promise<void> {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID')
  const lock = path.join(ROOT, '.next', 'lock')
  await waitUntil(() => existsSync(buildId) || !existsSync(lock), 'a running next build to finish', 540_000, 500)
  if (!existsSync(buildId)) {
    execFileSync('npx', ['next', 'build'], { cwd: ROOT, stdio: 'inherit', env: childEnv({ NODE_ENV: 'production' }) })
  }
  await waitUntil(() => !existsSync(lock), 'a running next build to finish', 540_000, 500)
}

beforeAll(async () => {
  await ensureProductionBuild()
}, 600_000)

describe.each(KILL_TEST_PROVIDERS)('SIGKILL of the app mid-stream on %s', (provider) => {
  let sim: Proc | undefined
  let app: Proc | undefined
  let database: { url: string; drop(): Promise<void> }
  let db: Db | undefined
  let simUrl: string
  let appUrl: string
  let appPort: number
  let appEnv: NodeJS.ProcessEnv

  const fail = (message: string): never => {
    throw new Error(
      `${message}\n--- app log ---\n${app?.log.slice(-40).join('\n')}\n--- simulator log ---\n${sim?.log.slice(-20).join('\n')}`,
    )
  }
  /** waitUntil, failing with what the simulator and the app were saying. */
  const waitOrFail = async (condition: () => Promise<boolean>, what: string, timeoutMs: number, intervalMs = 100) =>
    waitUntil(condition, what, timeoutMs, intervalMs).catch(async (error: Error) => {
      const status = await getJson(`${simUrl}/_sim/status`)
      const counts = (await getJson<Deliveries>(`${simUrl}/_sim/deliveries?state=none`))?.counts
      return fail(`${error.message}; simulator ${JSON.stringify({ status, counts })}`)
    })
  const deliveries = async () =>
    (await getJson<Deliveries>(`${simUrl}/_sim/deliveries`)) ?? fail('simulator control API did not answer')

  async function startApp(): Promise<void> {
    await ensureProductionBuild()
    app = startProcess('app', 'server.ts', appEnv)
    const current = app
    await waitUntil(
      async () => {
        if (current.child.exitCode !== null) fail(`the app exited with ${current.child.exitCode}`)
        // Its own log line first: a free port picked here could in principle be taken by someone else meanwhile.
        if (!current.log.some((line) => line.includes(`Console ready on http://localhost:${appPort}`))) return false
        const health = await getJson<{ messageService?: string }>(`${appUrl}/api/health`)
        return health?.messageService === 'connected'
      },
      'the app to be healthy with the message service connected',
      90_000,
      100,
    )
  }

  beforeAll(async () => {
    database = await createEmptyDatabase(provider)
    appPort = await freePort()
    appUrl = `http://127.0.0.1:${appPort}`
    // A project of its own (credentials no other simulator accepts) on a port the simulator picks and prints.
    const credentials = {
      TUYA_ACCESS_ID: `killtest${randomBytes(6).toString('hex')}`,
      TUYA_ACCESS_SECRET: randomBytes(16).toString('hex'),
    }
    const simProc = startProcess(
      'simulator',
      'simulator/main.ts',
      childEnv({ SIM_PORT: '0', SIM_DEMO_RATE: '0', ...credentials }),
    )
    sim = simProc
    await waitUntil(
      () => simProc.log.some((line) => /OpenAPI\s+http:\/\/127\.0\.0\.1:\d+/.test(line)),
      'the simulator to listen',
      60_000,
      100,
    )
    simUrl = /OpenAPI\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(simProc.log.join('\n'))![1]
    const simPort = new URL(simUrl).port
    // The app's backfill would re-read every record from the OpenAPI logs after the restart and so hide a message
    // acked before it was stored: the simulator refuses those reads, so the message service alone must carry all.
    for (const path of BACKFILL_LOG_ROUTES) {
      const applied = await getJson<{ ok: boolean }>(`${simUrl}/_sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rateLimit: { path, perSecond: 0 } }),
      })
      expect(applied?.ok).toBe(true)
    }
    appEnv = childEnv({
      NODE_ENV: 'production',
      PORT: String(appPort),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      AUTH_SECRET: 'kill-test-auth-secret-0123456789abcdef',
      ...credentials,
      TUYA_OPENAPI_URL: simUrl,
      TUYA_MQ_URL: `ws://127.0.0.1:${simPort}/`,
    })
  }, 120_000)

  afterEach(async () => {
    await stopProcess(app, 'SIGKILL')
  })

  afterAll(async () => {
    await stopProcess(app, 'SIGKILL')
    await stopProcess(sim, 'SIGTERM')
    await db?.$disconnect()
    await database?.drop()
  }, 60_000)

  it('stores every acknowledged message exactly once, with one AccessEvent per access message', async () => {
    await startApp()
    // Message service only: a webhook copy of each message would hide a message acked before it was stored.
    const load = await getJson<{ ok: boolean }>(`${simUrl}/_sim/load`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: MESSAGES, perSecond: PER_SECOND }),
    })
    expect(load?.ok).toBe(true)

    await waitOrFail(async () => (await deliveries()).counts.acked >= KILL_AFTER_ACKED, 'traffic to flow', 60_000, 20)
    await stopProcess(app, 'SIGKILL')
    const atKill = await deliveries()
    expect(atKill.counts.acked).toBeLessThan(MESSAGES)
    await waitOrFail(
      async () => (await deliveries()).total >= Math.min(MESSAGES, atKill.total + EMITTED_WHILE_DOWN),
      'a backlog to build up',
      60_000,
      50,
    )

    await startApp()
    await waitOrFail(
      async () => {
        const d = await deliveries()
        return d.total === MESSAGES && d.counts.acked === MESSAGES
      },
      'the simulator to have nothing left unacked',
      90_000,
      100,
    )
    // Stop the app cleanly before reading its database.
    await stopProcess(app, 'SIGTERM')

    const final = await deliveries()
    const acknowledged = final.items.filter((m) => m.mq === 'acked')
    const emittedIds = new Set(final.items.map((m) => m.sourceId))
    expect(acknowledged).toHaveLength(MESSAGES)
    expect(emittedIds.size).toBe(MESSAGES)
    console.info(
      `[kill test ${provider}] at SIGKILL: ${JSON.stringify(atKill.counts)}; redelivered: ${final.items.filter((m) => m.deliveryCount > 1).length}`,
    )

    db = createDb({ databaseUrl: database.url })
    const stored = await db.inboundMessage.findMany({ select: { id: true, sourceMessageId: true } })
    const storedIds = new Set(stored.map((m) => m.sourceMessageId))
    const missing = acknowledged.filter((m) => !storedIds.has(m.sourceId ?? ''))
    expect(missing.map((m) => m.sourceId)).toEqual([])
    expect(stored.length - storedIds.size).toBe(0)
    expect(stored).toHaveLength(MESSAGES)

    const accessEvents = await db.accessEvent.findMany({ select: { messageId: true } })
    const idOfMessage = new Map(stored.map((m) => [m.id, m.sourceMessageId]))
    const accessSourceIds = accessEvents.map((e) => idOfMessage.get(e.messageId ?? '') ?? 'no message')
    expect(accessEvents).toHaveLength(emittedIds.size)
    expect(new Set(accessSourceIds)).toEqual(emittedIds)
    expect(await db.liveEvent.count({ where: { event: 'access.created' } })).toBe(accessEvents.length)
  }, 300_000)
})
