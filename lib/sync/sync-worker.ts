// The door sync worker: pushes the resident register to every door through Tuya's OpenAPI, durably. It claims due
// rows of the DeviceSync queue under a lease (lib/sync/sync-queue.ts), pushes the difference between what the
// register wants and what the device holds (lib/sync/push-row.ts), recording progress after every call, and
// finishes each row as synced or failed. Writers wake it after their change commits (lib/sync/sync-signal.ts);
// it also polls, for retries, window edges, other instances' writes and devices coming back online. Stopping
// lets each push finish its current call, records it, and releases the row for the next start.
import { randomBytes } from 'node:crypto'
import { unsealSecret } from '@/lib/auth/seal'
import type { Db } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import { parseApplied } from '@/lib/sync/applied-state'
import { loadSyncContext } from '@/lib/sync/desired-state'
import type { PushDeps, SyncTuyaApi } from '@/lib/sync/push-deps'
import { pushRow } from '@/lib/sync/push-row'
import { createRateGate, type RateGate } from '@/lib/sync/rate-gate'
import { sweepFinishedWork } from '@/lib/sync/sync-cleanup'
import { type BackoffPolicy, classifyFailure, DEFAULT_BACKOFF, OFFLINE_CODES, syncError } from '@/lib/sync/sync-failure'
import {
  type ClaimedRow,
  claimRow,
  completeRow,
  failRow,
  findDueRows,
  recordApplied,
  releaseRow,
} from '@/lib/sync/sync-queue'
import { onSyncPending } from '@/lib/sync/sync-signal'
import { AppError } from '@/lib/errors'

export type SyncWorkerOptions = {
  api: SyncTuyaApi
  /** The server secret: unseals PINs and signs face image URLs. */
  secret: string
  /** Base URL Tuya downloads face photos from (PUBLIC_BASE_URL); null: faces fail with `no_public_url`. */
  faceBaseUrl: string | null
  /** Pushes at once (SYNC_CONCURRENCY). */
  concurrency?: number
  leaseMs?: number
  /** Poll interval when there is nothing to do. */
  idleMs?: number
  now?: () => Date
  backoff?: Partial<BackoffPolicy>
  gate?: RateGate
  /** Unique per process by default; tests name their workers. */
  owner?: string
  log?: (line: string) => void
  /** Listen to notifySyncPending() (the app's worker does; extra workers in tests need not). */
  listen?: boolean
}

export type SyncWorker = { owner: string; wake(): void; stop(): Promise<void> }

const stopRequested = () => new AppError('stopping', 'The worker is stopping; the push resumes at the next start.')

export function startSyncWorker(db: Db, options: SyncWorkerOptions): SyncWorker {
  const owner = options.owner ?? `sync-${process.pid}-${randomBytes(4).toString('hex')}`
  const now = options.now ?? (() => new Date())
  const concurrency = Math.max(1, options.concurrency ?? 4)
  const leaseMs = options.leaseMs ?? 60_000
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff }
  const gate = options.gate ?? createRateGate()
  const log = options.log ?? ((line: string) => console.warn(`[sync] ${line}`))
  const knownOnline = new Map<string, boolean>()
  let stopped = false
  let woken = false
  let wakeSleeper: (() => void) | null = null

  const wake = () => {
    woken = true
    wakeSleeper?.()
  }
  const unlisten = options.listen === false ? () => undefined : onSyncPending(wake)

  /** Rows that failed because their device was offline are retried at once when it is seen online again. */
  async function retryReturnedDevices() {
    const devices = await db.device.findMany({ select: { id: true, online: true } })
    const back = devices.filter((d) => d.online && knownOnline.get(d.id) !== true).map((d) => d.id)
    for (const d of devices) knownOnline.set(d.id, d.online)
    if (back.length === 0) return
    const at = now()
    await runChange(db, ({ tx }) =>
      tx.deviceSync.updateMany({
        where: {
          deviceId: { in: back },
          state: { not: 'synced' },
          errorCode: { in: [...OFFLINE_CODES] },
          nextAttemptAt: { gt: at },
        },
        data: { nextAttemptAt: at },
      }),
    )
  }

  async function processRow(row: ClaimedRow): Promise<void> {
    try {
      const ctx = await loadSyncContext(db, row.residentId, row.deviceId)
      const deps: PushDeps = {
        api: options.api,
        gate,
        secret: options.secret,
        faceBaseUrl: options.faceBaseUrl,
        now,
        record: async (applied) => {
          await recordApplied(db, row.id, owner, applied, new Date(now().getTime() + leaseMs))
          if (stopped) throw stopRequested()
        },
        pinOf: (credentialId) => {
          const sealed = ctx.credentials.find((c) => c.id === credentialId)?.secretSealed
          if (!sealed) return null
          try {
            return unsealSecret(sealed, options.secret)
          } catch {
            return null
          }
        },
      }
      const result = await pushRow(ctx, parseApplied(row.applied), deps)
      await completeRow(db, row, owner, result.applied, result.nextEdge, now())
    } catch (error) {
      if (error instanceof AppError && error.code === syncError.leaseLost().code) return
      if (stopped) return void (await releaseRow(db, row.id, owner).catch(() => undefined))
      const failure = classifyFailure(error)
      await failRow(db, row, owner, failure, now(), backoff).catch(async (e: Error) => {
        log(`recording a failure of ${row.id} failed: ${e.message}`)
        await releaseRow(db, row.id, owner).catch(() => undefined)
      })
    }
  }

  async function runRound(): Promise<number> {
    await retryReturnedDevices()
    await sweepFinishedWork(db, now())
    const ids = await findDueRows(db, now(), concurrency * 4)
    let index = 0
    let done = 0
    const lane = async () => {
      while (index < ids.length && !stopped) {
        const id = ids[index++]
        const row = await claimRow(db, id, owner, now(), leaseMs)
        if (!row) continue
        await processRow(row)
        done++
      }
    }
    await Promise.all(Array.from({ length: concurrency }, lane))
    return done
  }

  async function loop() {
    while (!stopped) {
      woken = false
      const done = await runRound().catch((error: Error) => {
        log(`round failed: ${error.message}`)
        return 0
      })
      if (done > 0 || woken || stopped) continue
      await new Promise<void>((resolve) => {
        wakeSleeper = resolve
        setTimeout(resolve, options.idleMs ?? 5_000).unref()
      })
      wakeSleeper = null
    }
  }

  const running = loop()
  return {
    owner,
    wake,
    async stop() {
      stopped = true
      wakeSleeper?.()
      unlisten()
      await running
    },
  }
}
