// A switchable database outage for integration tests, on a real test database.
// PostgreSQL: the client under test talks to the server through a TCP proxy; taking the proxy down cuts every
// open connection and refuses new ones (what a database restart or a network cut looks like), bringing it back
// lets the same client reconnect. SQLite: the connection is switched to query_only, so every write fails with
// SQLITE_READONLY (what a file system remounted read-only looks like) until switched back.
import net from 'node:net'
import { createDb, type Db } from '@/lib/db/client'
import type { TestDatabase } from '@/lib/db/test-database'

export type DatabaseOutage = {
  /** The client to hand to the code under test: it is the one that loses the database. */
  db: Db
  begin(): Promise<void>
  end(): Promise<void>
  close(): Promise<void>
}

export async function createDatabaseOutage(test: TestDatabase): Promise<DatabaseOutage> {
  if (test.provider === 'sqlite') {
    return {
      db: test.db,
      begin: async () => void (await test.db.$executeRawUnsafe('PRAGMA query_only = ON')),
      end: async () => void (await test.db.$executeRawUnsafe('PRAGMA query_only = OFF')),
      close: async () => undefined,
    }
  }
  const target = new URL(test.url)
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432))
  const viaProxy = new URL(test.url)
  viaProxy.port = String(proxy.port)
  const db = createDb({ databaseUrl: viaProxy.toString(), poolSize: 5 })
  return {
    db,
    begin: () => proxy.stop(),
    end: () => proxy.resume(),
    async close() {
      await db.$disconnect()
      await proxy.stop()
    },
  }
}

type TcpProxy = { port: number; stop(): Promise<void>; resume(): Promise<void> }

async function startTcpProxy(host: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let server: net.Server | undefined
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(targetPort, host)
        const pair = [client, upstream]
        for (const s of pair) sockets.add(s)
        const close = () => {
          for (const s of pair) {
            s.destroy()
            sockets.delete(s)
          }
        }
        for (const s of pair) s.on('error', close).on('close', close)
        client.pipe(upstream)
        upstream.pipe(client)
      })
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        server = next
        resolve((next.address() as net.AddressInfo).port)
      })
    })
  const port = await listen(0)
  return {
    port,
    async stop() {
      const current = server
      server = undefined
      for (const s of sockets) s.destroy()
      sockets.clear()
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
    },
    async resume() {
      if (!server) await listen(port)
    },
  }
}
