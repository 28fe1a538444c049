// GET /api/health: 200 only once the app can ingest (database reachable and migrated; in demo mode the
// simulator listening); 503 otherwise, with the failing part named.
import type { Db } from '@/lib/db/client'
import { getAppStatus } from '@/lib/server/app-status'

export async function checkHealth(db: Db) {
  const status = getAppStatus()
  let database: 'ok' | 'down' | 'not_migrated' = status.migrated ? 'ok' : 'not_migrated'
  if (status.migrated) {
    try {
      await db.$queryRawUnsafe('SELECT 1')
    } catch {
      database = 'down'
    }
  }
  const tuya = status.demo ? (status.simulatorListening ? 'simulator' : 'simulator_down') : 'cloud'
  const ready = database === 'ok' && (!status.demo || status.simulatorListening)
  return {
    status: ready ? ('ok' as const) : ('unavailable' as const),
    db: database,
    realtime: status.realtime ? 'ok' : 'down',
    tuya,
    messageService: status.messageService,
  }
}
