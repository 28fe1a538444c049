// The scheduled purge, started beside the other background workers (lib/server/start-tuya-sources.ts). Every
// instance looks every few minutes; a run happens when the last one (by any instance, `retention.purge.last`) is
// older than PURGE_EVERY_MS and this instance wins the lease, so several instances purge once, not once each.
import type { Db } from '@/lib/db/client'
import { purgeExpired, readLastPurge } from '@/lib/retention/purge'

export const PURGE_EVERY_MS = 60 * 60_000
const CHECK_EVERY_MS = 5 * 60_000
const FIRST_CHECK_AFTER_MS = 60_000

export type RunningPurge = { stop(): Promise<void> }

export function startRetentionPurge(db: Db, log: (message: string) => void = console.log): RunningPurge {
  let stopping = false
  let running: Promise<void> | null = null
  const check = () => {
    if (stopping || running) return
    running = (async () => {
      const last = await readLastPurge(db)
      if (last && Date.now() - Date.parse(last.at) < PURGE_EVERY_MS) return
      const outcome = await purgeExpired(db, { shouldStop: () => stopping })
      if (outcome.ran) {
        const total = Object.values(outcome.removed).reduce((a, b) => a + b, 0)
        if (total) log(`[retention] removed ${total} rows: ${JSON.stringify(outcome.removed)}`)
      }
    })()
      .catch((error: Error) => log(`[retention] purge failed: ${error.message}`))
      .finally(() => (running = null))
  }
  const first = setTimeout(check, FIRST_CHECK_AFTER_MS).unref()
  const timer = setInterval(check, CHECK_EVERY_MS).unref()
  return {
    async stop() {
      stopping = true
      clearTimeout(first)
      clearInterval(timer)
      await running
    },
  }
}
