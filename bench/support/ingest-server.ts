// The server side of bench/ingest.ts, run in its own process. `bare` is the reference point our targets cite:
// a plain node:http server that verifies the HMAC, inserts one row with better-sqlite3 and emits over socket.io.
// `ours` is the real path: handleTuyaWebhook (as app/api/webhooks/tuya/route.ts calls it) + attachLiveServer on
// the same server, a fresh migrated database with the demo building, and optionally the message-service consumer.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Server as SocketServer } from 'socket.io'
import { createApiToken } from '@/lib/auth/api-tokens'
import { configureSqlite } from '@/lib/db/client'
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database'
import { handleTuyaWebhook } from '@/lib/ingest/sources/handle-webhook'
import { attachLiveServer } from '@/lib/realtime/attach-live-server'
import { createIngestingConsumer } from '@/lib/ingest/sources/mq-ingest-consumer'
import type { MessageConsumer } from '@/lib/tuya/message-service/mq-consumer'
import { signWebhook } from '@/lib/tuya/webhook/webhook-signature'
import { seedDemoBuilding } from '@/prisma/seed-demo'
import { childOptions, sendToParent } from '@/bench/support/child-process'
import type { IngestServerOptions, IngestServerReady, IngestServerReply } from '@/bench/support/ingest-protocol'

type Running = {
  server: HttpServer
  token: string | null
  count(): Promise<{ accessEvents: number; inbound: number }>
  close(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name]
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '')
}

function startBare(options: IngestServerOptions): Running {
  const file = path.join(os.tmpdir(), `bench_bare_${randomBytes(4).toString('hex')}.db`)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous}`)
  db.exec(
    'CREATE TABLE event (id INTEGER PRIMARY KEY, recordId TEXT NOT NULL UNIQUE, devId TEXT, payload TEXT NOT NULL, receivedAt TEXT NOT NULL)',
  )
  const insert = db.prepare('INSERT INTO event (recordId, devId, payload, receivedAt) VALUES (?, ?, ?, ?)')
  const countRows = db.prepare('SELECT count(*) AS n FROM event')
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readBody(req).then((body) => {
      const raw = body.toString('utf8')
      const expected = Buffer.from(
        signWebhook({
          secret: options.accessSecret,
          clientId: header(req, 'client_id'),
          t: header(req, 't'),
          body: raw,
        }),
      )
      const given = Buffer.from(header(req, 'sign'))
      if (
        header(req, 'client_id') !== options.accessId ||
        expected.length !== given.length ||
        !timingSafeEqual(expected, given)
      ) {
        res.writeHead(401).end()
        return
      }
      const payload = JSON.parse(raw) as { devId?: string; bizData?: { recordId?: string; time?: number } }
      const receivedAt = new Date().toISOString()
      const row = insert.run(payload.bizData?.recordId ?? raw, payload.devId ?? null, raw, receivedAt)
      io.emit('access.created', { id: String(row.lastInsertRowid), deviceId: payload.devId, receivedAt })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  const io = new SocketServer(server, { serveClient: false })
  return {
    server,
    token: null,
    count: async () => {
      const n = (countRows.get() as { n: number }).n
      return { accessEvents: n, inbound: n }
    },
    close: async () => {
      await io.close()
      db.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
    },
  }
}

async function startOurs(options: IngestServerOptions): Promise<Running & { consumer: MessageConsumer | null }> {
  const testDb: TestDatabase = await createTestDatabase(options.provider)
  const db = testDb.db
  if (options.provider === 'sqlite') await configureSqlite(db, options.synchronous)
  await seedDemoBuilding(db, 'bench-seal-key-0123456789abcdef0123456789')
  const guard = await db.user.create({
    data: { email: 'guard@bench.test', name: 'Bench guard', role: 'guard', passwordHash: 'unused' },
  })
  const { token } = await createApiToken(db, guard.id, 'bench console')
  const config = { accessId: options.accessId, accessSecret: options.accessSecret }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      // The same call app/api/webhooks/tuya/route.ts makes, on a fetch Request built from the node request.
      const body = await readBody(req)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: body.toString('utf8'),
      })
      const response = await handleTuyaWebhook(db, request, config)
      res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' })
      res.end(Buffer.from(await response.arrayBuffer()))
    })().catch((error: unknown) => {
      console.error('[bench server] request failed', error)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  const io = await attachLiveServer(server, db)

  let consumer: MessageConsumer | null = null
  if (options.mq) {
    // As lib/server/start-tuya-sources.ts wires it: ack only after ingest has committed.
    consumer = createIngestingConsumer(db, {
      wsBaseUrl: options.mq.wsBaseUrl,
      accessId: options.accessId,
      accessSecret: options.accessSecret,
      env: 'event',
    })
    const connected = new Promise<void>((resolve) => consumer?.on('connected', resolve))
    consumer.start()
    await connected
  }
  return {
    server,
    token,
    consumer,
    count: async () => ({ accessEvents: await db.accessEvent.count(), inbound: await db.inboundMessage.count() }),
    close: async () => {
      await consumer?.stop()
      await io.close()
      await testDb.drop()
    },
  }
}

async function main() {
  const options = childOptions<IngestServerOptions>()
  const running = options.kind === 'bare' ? startBare(options) : await startOurs(options)
  await new Promise<void>((resolve) => running.server.listen(0, '127.0.0.1', resolve))
  const ready: IngestServerReady = {
    type: 'ready',
    port: (running.server.address() as AddressInfo).port,
    token: running.token,
  }
  sendToParent(ready)
  process.on('message', (message: { type: string }) => {
    void (async () => {
      if (message.type === 'count') {
        const reply: IngestServerReply = { type: 'count', ...(await running.count()) }
        sendToParent(reply)
      } else if (message.type === 'stop') {
        running.server.closeAllConnections()
        await running.close()
        process.exit(0)
      }
    })()
  })
  // Never outlive the bench: the parent going away closes the IPC channel.
  process.on('disconnect', () => process.exit(0))
}

main().catch((error: unknown) => {
  console.error('[bench server] failed to start', error)
  process.exit(1)
})
