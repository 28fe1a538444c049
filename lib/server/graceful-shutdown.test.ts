// Shutdown on a stop signal, on real databases: every message the server has taken is committed before the
// database is closed, the steps run in order (stop accepting, stop the sources, drain, close the live stream,
// the simulator, the database), the process exits 0, and a stuck step still ends it (exit 1).
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { uniqueId, vendorAccessRecord } from '@/lib/ingest/fixtures/webhook-requests'
import { ingestMessage } from '@/lib/ingest/ingest-message'
import { createShutdown } from '@/lib/server/graceful-shutdown'

async function listeningServer(): Promise<Server> {
  const server = createServer((_req, res) => res.end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return server
}

describe.each(TEST_PROVIDERS)('graceful shutdown on %s', (provider) => {
  let test: TestDatabase

  beforeAll(async () => {
    test = await createTestDatabase(provider)
  })
  afterAll(async () => {
    await test.drop()
  })

  it('commits every message already taken before closing the database, then exits 0', async () => {
    const server = await listeningServer()
    const steps: string[] = []
    const exits: number[] = []
    let storedAtDisconnect = -1
    const devId = uniqueId('dev')
    const taken = Array.from({ length: 300 }, () => {
      const payload = vendorAccessRecord(uniqueId('rec'), devId)
      return ingestMessage(test.db, { source: 'mq', payload, raw: JSON.stringify(payload) })
    })
    const shutdown = createShutdown(
      {
        server,
        db: test.db,
        sources: { stop: async () => void steps.push('sources') },
        live: { close: (done) => (steps.push('live'), done()) },
        cloud: { close: async () => void steps.push('simulator') },
        disconnect: async () => {
          steps.push('database')
          storedAtDisconnect = await test.db.accessEvent.count({ where: { deviceTuyaId: devId } })
        },
      },
      { exit: (code) => exits.push(code), log: () => undefined },
    )

    await Promise.all([shutdown('SIGTERM'), shutdown('SIGINT')])

    expect(exits).toEqual([0])
    expect(steps).toEqual(['sources', 'live', 'simulator', 'database'])
    expect(storedAtDisconnect).toBe(300)
    await expect(Promise.all(taken)).resolves.toHaveLength(300)
    expect(server.listening).toBe(false)
  })

  it('exits 1 when a step hangs past the deadline', async () => {
    const server = await listeningServer()
    const exits: number[] = []
    const shutdown = createShutdown(
      {
        server,
        db: test.db,
        sources: { stop: () => new Promise<void>(() => undefined) },
        live: { close: (done) => done() },
        disconnect: async () => undefined,
      },
      { exit: (code) => exits.push(code), log: () => undefined, forceAfterMs: 100 },
    )

    void shutdown('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 300))

    expect(exits).toEqual([1])
  })
})
