// The live event sources of the running app. Filled in by the ingest pipeline (message-service consumer,
// device registry sync, snapshot fetcher, backfill); each returns a stop function for graceful shutdown.
import type { AppEnv } from '@/lib/env'
import type { Db } from '@/lib/db/client'

export type RunningSources = { stop(): Promise<void> }

export async function startTuyaSources(_env: AppEnv, _db: Db): Promise<RunningSources> {
  return { async stop() {} }
}
