// GET /api/health: 200 only once the app can ingest (database reachable and migrated; in demo mode the
// simulator listening); 503 otherwise, with the failing part named.
import { getDb } from '@/lib/db/client'
import { getAppStatus } from '@/lib/server/app-status'

export async function checkHealth() {
  const status = getAppStatus()
  let db: 'ok' | 'down' | 'not_migrated' = status.migrated ? 'ok' : 'not_migrated'
  if (status.migrated) {
    try {
      await getDb().$queryRawUnsafe('SELECT 1')
    } catch {
      db = 'down'
    }
  }
  const tuya = status.demo ? (status.simulatorListening ? 'simulator' : 'simulator_down') : 'cloud'
  const ready = db === 'ok' && (!status.demo || status.simulatorListening)
  return {
    status: ready ? ('ok' as const) : ('unavailable' as const),
    db,
    realtime: status.realtime ? 'ok' : 'down',
    tuya,
    messageService: status.messageService,
  }
}
