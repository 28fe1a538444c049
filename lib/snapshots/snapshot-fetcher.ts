// Background fetch of pending snapshots: bounded concurrency, retries with exponential backoff, decryption of
// Tuya-encrypted files, a 320 px JPEG thumbnail; then the owning event is re-broadcast with its snapshotUrl.
// Claims are atomic (state pending → fetching) so several app instances never fetch the same image twice.
import sharp from 'sharp'
import { accessEventInclude, toAccessEventItem } from '@/lib/access/access-item'
import { alarmInclude, toAlarmItem } from '@/lib/alarms/alarm-item'
import { callInclude, toCallItem } from '@/lib/calls/call-item'
import type { Db, Tx } from '@/lib/db/client'
import { runChange } from '@/lib/domain/run-change'
import type { PendingLiveEvent } from '@/lib/realtime/publish'
import { onSnapshotsPending } from '@/lib/snapshots/snapshot-signal'
import { isPermanentSnapshotFailure } from '@/lib/snapshots/fetch-snapshot-bytes'
import { requireImageType } from '@/lib/snapshots/sniff-image'
import type { TuyaClient } from '@/lib/tuya/openapi/openapi-client'

export const MAX_SNAPSHOT_BYTES = 5 * 1024 * 1024
const MAX_ATTEMPTS = 6
const CONCURRENCY = 4
/**
 * A claim (state `fetching`) holds this long, recorded in nextAttemptAt; far longer than one fetch (10 s timeout)
 * plus the thumbnail. Only an older claim is taken back: its fetcher died. Resetting every `fetching` row when a
 * fetcher starts would hand another instance's in-flight download to this one, fetching it twice.
 */
const CLAIM_LEASE_MS = 2 * 60_000

export type FetchImage = (source: string) => Promise<{ bytes: Buffer; contentType?: string }>

export function createImageFetcher(client: Pick<TuyaClient, 'resolveStoredImage' | 'fetchStoredImage'>): FetchImage {
  return async (source) => {
    const encrypted = source.match(/^url:(.*)#key=(.+)$/s)
    if (encrypted) {
      // An encrypted object behind a plain URL (lock records' file_url + file_key).
      const image = await client.fetchStoredImage({ url: encrypted[1], key: encrypted[2] })
      return { bytes: image.bytes, contentType: image.contentType }
    }
    // Allowed hosts only, pinned address, capped body: the client's media policy (fetch-snapshot-bytes.ts).
    if (source.startsWith('url:')) return client.fetchStoredImage({ url: source.slice(4) })
    const match = source.match(/^tuya:([^:]*):(.*)$/s)
    if (!match) throw new Error('unknown snapshot source')
    const ref = JSON.parse(match[2]) as { bucket?: string; path: string; fileKey?: string }
    const image = await client.resolveStoredImage(match[1], {
      bucket: ref.bucket ?? '',
      filePath: ref.path,
      key: ref.fileKey ?? '',
    })
    return { bytes: image.bytes, contentType: image.contentType }
  }
}

/** The events showing this snapshot, re-announced so consoles pick up their snapshotUrl. */
async function ownerEventsOf(tx: Tx, snapshotId: string): Promise<PendingLiveEvent[]> {
  // One after the other: a transaction is one connection (pg deprecates concurrent queries on a client).
  const access = await tx.accessEvent.findMany({ where: { snapshotId }, include: accessEventInclude })
  const calls = await tx.call.findMany({ where: { snapshotId }, include: callInclude })
  const alarms = await tx.alarm.findMany({ where: { snapshotId }, include: alarmInclude })
  return [
    ...access.map((row) => ({ event: 'access.updated' as const, payload: toAccessEventItem(row) })),
    ...calls.map((row) => ({ event: 'call.updated' as const, payload: toCallItem(row) })),
    ...alarms.map((row) => ({ event: 'alarm.updated' as const, payload: toAlarmItem(row) })),
  ]
}

export async function fetchOneSnapshot(
  db: Db,
  fetchImage: FetchImage,
  snapshot: { id: string; source: string; attempts: number },
) {
  try {
    const { bytes } = await fetchImage(snapshot.source)
    if (bytes.length > MAX_SNAPSHOT_BYTES) throw new Error('image larger than 5 MiB')
    const contentType = requireImageType(bytes) // from the bytes, never the remote header
    const thumbnail = await sharp(bytes)
      .rotate()
      .resize({ width: 320, height: 320, fit: 'inside' })
      .jpeg({ quality: 75 })
      .toBuffer()
    // Stored image and its owners' broadcasts are one change: a console never hears of an image that isn't there.
    await runChange(db, async ({ tx, publish }) => {
      await tx.snapshot.update({
        where: { id: snapshot.id },
        data: {
          state: 'stored',
          data: new Uint8Array(bytes),
          thumbnail: new Uint8Array(thumbnail),
          size: bytes.length,
          contentType,
          storedAt: new Date(),
          error: null,
          nextAttemptAt: null,
        },
      })
      publish(...(await ownerEventsOf(tx, snapshot.id)))
    })
  } catch (error) {
    const attempts = snapshot.attempts + 1
    const failed = attempts >= MAX_ATTEMPTS || isPermanentSnapshotFailure(error)
    await runChange(db, ({ tx }) =>
      tx.snapshot.update({
        where: { id: snapshot.id },
        data: {
          state: failed ? 'failed' : 'pending',
          attempts,
          error: (error as Error).message.slice(0, 500),
          nextAttemptAt: failed ? null : new Date(Date.now() + Math.min(60_000, 1_000 * 2 ** attempts)),
        },
      }),
    )
  }
}

/** Runs until stopped; wakes immediately when ingest records a new snapshot, and every few seconds for retries. */
export function startSnapshotFetcher(db: Db, fetchImage: FetchImage, options: { idleMs?: number } = {}) {
  let stopped = false
  let wake: (() => void) | null = null
  let running: Promise<void> = Promise.resolve()
  onSnapshotsPending(() => wake?.())

  async function runOnce(): Promise<number> {
    // Snapshots left mid-fetch by a crashed fetcher (its claim's lease ran out) go back to the queue.
    await db.snapshot.updateMany({
      where: { state: 'fetching', OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lt: new Date() } }] },
      data: { state: 'pending', nextAttemptAt: null },
    })
    const due = await db.snapshot.findMany({
      where: { state: 'pending', OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: new Date() } }] },
      orderBy: { createdAt: 'asc' },
      take: CONCURRENCY * 4,
      select: { id: true, source: true, attempts: true },
    })
    let index = 0
    let done = 0
    const worker = async () => {
      while (index < due.length && !stopped) {
        const snapshot = due[index++]
        const claimed = await db.snapshot.updateMany({
          where: { id: snapshot.id, state: 'pending' },
          data: { state: 'fetching', nextAttemptAt: new Date(Date.now() + CLAIM_LEASE_MS) },
        })
        if (claimed.count === 0) continue
        await fetchOneSnapshot(db, fetchImage, snapshot)
        done++
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    return done
  }

  async function loop() {
    while (!stopped) {
      const done = await runOnce().catch((error: Error) => {
        console.error('[snapshots] fetch round failed:', error.message)
        return 0
      })
      if (done > 0) continue
      await new Promise<void>((resolve) => {
        wake = resolve
        setTimeout(resolve, options.idleMs ?? 3_000).unref()
      })
      wake = null
    }
  }

  running = loop()
  return {
    async stop() {
      stopped = true
      wake?.()
      onSnapshotsPending(undefined)
      await running
    },
  }
}
