// The live event sources of the running app: device registry sync (and each device's model and firmware), the message-service consumer (acks only after
// ingest has committed), backfill after start-up and after every reconnect, the snapshot fetcher, the call
// timeout sweeper and the retention purge; and the other direction, the door sync worker pushing the resident
// register to every door. Each is stopped on shutdown.
import { escalateOverdueAlarms } from '@/lib/alarms/escalate-alarms'
import { expireRingingCalls } from '@/lib/calls/expire-calls'
import type { Db } from '@/lib/db/client'
import { refreshDeviceDetails } from '@/lib/devices/refresh-device-details'
import { syncDevices } from '@/lib/devices/sync-devices'
import type { AppEnv } from '@/lib/env'
import { backfillAll } from '@/lib/ingest/sources/backfill'
import { startRetentionPurge } from '@/lib/retention/schedule'
import { createIngestingConsumer } from '@/lib/ingest/sources/mq-ingest-consumer'
import { updateAppStatus } from '@/lib/server/app-status'
import { createImageFetcher, startSnapshotFetcher } from '@/lib/snapshots/snapshot-fetcher'
import { getAuthSecret } from '@/lib/auth/auth-secret'
import { startSyncWorker } from '@/lib/sync/sync-worker'
import { deriveMqWsUrl } from '@/lib/tuya/data-centres'
import { getTuyaClient } from '@/lib/tuya/openapi/app-client'
import type { TuyaLogger } from '@/lib/tuya/logger'
import type { TuyaClient } from '@/lib/tuya/openapi/openapi-client'

export type RunningSources = { client: TuyaClient; stop(): Promise<void> }

const DEVICE_SYNC_INTERVAL_MS = 10 * 60_000
const CALL_SWEEP_INTERVAL_MS = 2_000
const ALARM_SWEEP_INTERVAL_MS = 15_000

const log = (scope: string, message: string) => console.log(`[${scope}] ${message}`)

/** Message-service problems (handler failed → not acked, reconnects) belong in the app's log. */
function consoleLogger(scope: string): TuyaLogger {
  const line = (message: string, meta?: Record<string, unknown>) =>
    `[${scope}] ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}`
  return {
    debug: () => undefined,
    info: (m, meta) => console.log(line(m, meta)),
    warn: (m, meta) => console.warn(line(m, meta)),
    error: (m, meta) => console.error(line(m, meta)),
  }
}

export async function startTuyaSources(env: AppEnv, db: Db): Promise<RunningSources> {
  const client = getTuyaClient()
  const timers: NodeJS.Timeout[] = []

  let readingDetails: Promise<unknown> | null = null
  const syncRegistry = async () => {
    await syncDevices(db, client).catch((error: Error) => log('devices', `sync failed: ${error.message}`))
    // Model and firmware (a call or two per device, a few devices per run) in the background, one run at a time.
    readingDetails ??= refreshDeviceDetails(db, client, { log: (line) => log('devices', line) })
      .catch((error: Error) => log('devices', `details failed: ${error.message}`))
      .finally(() => (readingDetails = null))
  }
  let backfilling: Promise<void> | null = null
  const backfill = () => {
    // One run at a time; a reconnect during a run needs no second one (the watermark moves forward).
    backfilling ??= backfillAll(db, client)
      .then((r) => {
        if (r.stored) log('backfill', `stored ${r.stored} missed events from ${r.devices} devices`)
        for (const failure of r.failures) log('backfill', `failed: ${failure}`)
      })
      .catch((error: Error) => log('backfill', `failed: ${error.message}`))
      .finally(() => (backfilling = null))
    return backfilling
  }

  await syncRegistry()
  timers.push(setInterval(syncRegistry, DEVICE_SYNC_INTERVAL_MS).unref())
  timers.push(
    setInterval(
      () => void expireRingingCalls(db).catch((e: Error) => log('calls', `sweep failed: ${e.message}`)),
      CALL_SWEEP_INTERVAL_MS,
    ).unref(),
    setInterval(
      () => void escalateOverdueAlarms(db).catch((e: Error) => log('alarms', `escalation failed: ${e.message}`)),
      ALARM_SWEEP_INTERVAL_MS,
    ).unref(),
  )
  const snapshots = startSnapshotFetcher(db, createImageFetcher(client))
  const doorSync = startSyncWorker(db, {
    api: client,
    secret: getAuthSecret(),
    faceBaseUrl: env.sync.faceBaseUrl,
    concurrency: env.sync.concurrency,
    log: (line) => log('sync', line),
  })
  const retention = startRetentionPurge(db, (message) => console.log(message))

  const mqUrl = env.tuya.mqUrl ?? deriveMqWsUrl(env.tuya.openApiUrl)
  const consumer =
    env.tuya.mqEnabled && mqUrl
      ? createIngestingConsumer(db, {
          wsBaseUrl: mqUrl,
          accessId: env.tuya.accessId,
          accessSecret: env.tuya.accessSecret,
          env: env.tuya.mqEnv,
          logger: consoleLogger('mq'),
        })
      : null
  if (consumer) {
    updateAppStatus({ messageService: 'connecting' })
    consumer.on('connected', () => {
      updateAppStatus({ messageService: 'connected' })
      void backfill()
    })
    consumer.on('disconnected', () => updateAppStatus({ messageService: 'disconnected' }))
    consumer.start()
  } else {
    void backfill()
  }

  return {
    client,
    async stop() {
      for (const timer of timers) clearInterval(timer)
      await consumer?.stop()
      await snapshots.stop()
      await doorSync.stop()
      await retention.stop()
      await backfilling
      await readingDetails
    },
  }
}
