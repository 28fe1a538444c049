// Stopping the server on SIGTERM/SIGINT without losing anything it has taken: stop accepting connections, stop
// the Tuya sources (the message-service consumer finishes the frames in hand; unread ones stay unacked for
// redelivery), wait until every message already taken is committed (the group-commit writer drains), then close
// the live stream, the simulator and the database. A stuck step cannot hold the process: it exits 1 after
// forceAfterMs.
import type { Server } from 'node:http'
import type { Db } from '@/lib/db/client'
import { drainIngest } from '@/lib/ingest/ingest-writer'

export type ShutdownParts = {
  server: Server
  db: Db
  sources: { stop(): Promise<void> }
  live: { close(done: () => void): void }
  cloud?: { close(): Promise<void> }
  disconnect(): Promise<void>
}

export type ShutdownOptions = { exit?: (code: number) => void; log?: (line: string) => void; forceAfterMs?: number }

/** Returns the handler for a stop signal; calling it again while stopping does nothing. */
export function createShutdown(parts: ShutdownParts, options: ShutdownOptions = {}) {
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const log = options.log ?? ((line: string) => console.log(line))
  let stopping: Promise<void> | undefined

  async function stop() {
    parts.server.close()
    parts.server.closeIdleConnections()
    await parts.sources.stop()
    await drainIngest(parts.db)
    await new Promise<void>((resolve) => parts.live.close(() => resolve()))
    await parts.cloud?.close()
    await parts.disconnect()
  }

  return (signal: string): Promise<void> => {
    stopping ??= (async () => {
      log(`> ${signal}: shutting down`)
      const force = setTimeout(() => exit(1), options.forceAfterMs ?? 10_000)
      force.unref()
      try {
        await stop()
        exit(0)
      } catch (error) {
        log(`> shutdown failed: ${error instanceof Error ? error.message : String(error)}`)
        exit(1)
      } finally {
        clearTimeout(force)
      }
    })()
    return stopping
  }
}
