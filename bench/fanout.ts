// Benchmark: one live event to 500 connected consoles. The server (attachLiveServer on a node:http server, fresh
// migrated SQLite) runs here; the 500 socket.io clients (one API token each, all guards, so all in the guard room)
// run in a child process. Latency = a change publishing one event (runChange) started → event received, per client.
// `npx tsx bench/fanout.ts [clients] [events]`
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApiToken } from '@/lib/auth/api-tokens'
import { createTestDatabase } from '@/lib/db/test-database'
import { attachLiveServer } from '@/lib/realtime/attach-live-server'
import type { AccessEventItem } from '@/lib/access/schema'
import { runChange } from '@/lib/domain/run-change'
import { startBenchChild } from '@/bench/support/child-process'
import type { FanoutClientsOptions, FanoutClientsReady, FanoutClientsReply } from '@/bench/support/fanout-clients'
import { machineInfo } from '@/bench/support/machine'
import { type SummaryRow, count, distributionOf, formatTable, ms, verdict } from '@/bench/support/stats'

const TARGET_P99_MS = 150
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function accessItem(id: string): AccessEventItem {
  const now = new Date().toISOString()
  return {
    id,
    occurredAt: now,
    receivedAt: now,
    deviceId: 'dev-gate',
    deviceName: 'Main Gate Video Door Station',
    method: 'face',
    result: 'granted',
    residentId: 'res-alice-martin',
    residentName: 'Alice Martin',
    snapshotUrl: null,
    backfilled: false,
  }
}

export type FanoutBenchOptions = { clients?: number; events?: number; spacingMs?: number }

export async function benchFanout(options: FanoutBenchOptions = {}): Promise<SummaryRow[]> {
  const clients = options.clients ?? 500
  const events = options.events ?? 20
  const spacingMs = options.spacingMs ?? 250
  const testDb = await createTestDatabase('sqlite')
  const server = createServer((_req, res) => res.writeHead(404).end())
  const io = await attachLiveServer(server, testDb.db)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    // Ten guards, fifty consoles (tokens) each.
    const tokens: string[] = []
    for (let g = 0; g < 10; g++) {
      const user = await testDb.db.user.create({
        data: { email: `guard${g}@bench.test`, name: `Guard ${g}`, role: 'guard', passwordHash: 'unused' },
      })
      for (let t = 0; t < clients / 10; t++)
        tokens.push((await createApiToken(testDb.db, user.id, `console ${t}`)).token)
    }
    const port = (server.address() as AddressInfo).port
    const child = await startBenchChild<FanoutClientsReady, FanoutClientsReply>(
      'support/fanout-clients.ts',
      { port, tokens } satisfies FanoutClientsOptions,
      120_000,
    )
    try {
      const { connected, failed, connectMs } = child.ready
      for (let i = 0; i < events; i++) {
        const emittedAt = performance.timeOrigin + performance.now()
        const payload = accessItem(`fanout-${emittedAt}`)
        await runChange(testDb.db, async ({ publish }) => publish({ event: 'access.created', payload }))
        await sleep(spacingMs)
      }
      await sleep(500)
      const reply = await child.request({ type: 'collect' })
      const perEvent = reply.type === 'latencies' ? reply.perEvent : []
      const all = distributionOf(perEvent.flat())
      const lastClient = distributionOf(perEvent.map((list) => Math.max(...list)))
      const received = perEvent.reduce((sum, list) => sum + list.length, 0)
      console.log(
        formatTable(
          `One event → ${count(clients)} consoles (${connected} connected in ${(connectMs / 1000).toFixed(1)} s, ${failed} failed); ${events} events, ${spacingMs} ms apart`,
          ['measure', 'p50', 'p95', 'p99', 'max', 'received / expected'],
          [
            [
              'runChange → each console',
              ms(all.p50),
              ms(all.p95),
              ms(all.p99),
              ms(all.max),
              `${count(received)} / ${count(events * clients)}`,
            ],
            [
              'runChange → last of the consoles',
              ms(lastClient.p50),
              ms(lastClient.p95),
              ms(lastClient.p99),
              ms(lastClient.max),
              '',
            ],
          ],
        ),
      )
      return [
        {
          metric: `one event → ${clients} consoles, p50 / p99 (received ${received}/${events * clients})`,
          ours: `${ms(all.p50)} / ${ms(all.p99)}`,
          target: `p99 ≤ ${TARGET_P99_MS} ms`,
          baseline: '–',
          verdict: verdict(all.p99 <= TARGET_P99_MS && received === events * clients),
        },
      ]
    } finally {
      await child.stop()
    }
  } finally {
    await io.close()
    await testDb.drop()
  }
}

if (process.argv[1]?.endsWith('fanout.ts')) {
  console.log(machineInfo())
  const [clients, events] = process.argv.slice(2).map(Number)
  benchFanout({ clients: clients || undefined, events: events || undefined })
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
