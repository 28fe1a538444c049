// Snapshot claims on real databases: several fetchers (several app instances) never download one snapshot twice,
// and a claim whose lease ran out (its fetcher died mid-fetch) is taken back. The image source is a recording
// stand-in: what is tested here is who fetches, not how.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@/lib/db/client'
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from '@/lib/db/test-database'
import { waitUntil } from '@/lib/ingest/fixtures/wait-until'
import { recordingFetcher } from '@/lib/snapshots/fixtures/recording-fetcher'
import { startSnapshotFetcher } from '@/lib/snapshots/snapshot-fetcher'

describe.each(TEST_PROVIDERS)('snapshot claims on %s', (provider) => {
  let testDb: TestDatabase
  let db: Db
  let jpeg: Buffer

  beforeAll(async () => {
    ;[testDb, jpeg] = await Promise.all([
      createTestDatabase(provider),
      sharp({ create: { width: 640, height: 480, channels: 3, background: '#5a7d9a' } })
        .jpeg()
        .toBuffer(),
    ])
    db = testDb.db
  })

  afterAll(async () => testDb?.drop())

  it('never fetches one snapshot twice when a second fetcher starts while the first is mid-fetch', async () => {
    const first = await db.snapshot.create({ data: { source: `url:claim-first-${provider}` } })
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const a = recordingFetcher(jpeg, () => released)
    const fetcherA = startSnapshotFetcher(db, a.fetchImage, { idleMs: 20 })
    let fetcherB: { stop(): Promise<void> } | undefined
    try {
      await waitUntil(() => a.calls.includes(first.source), 'fetcher A holding the first snapshot')
      expect((await db.snapshot.findUniqueOrThrow({ where: { id: first.id } })).state).toBe('fetching')

      // A second instance starts (e.g. a rolling restart) while A is still downloading.
      const b = recordingFetcher(jpeg)
      fetcherB = startSnapshotFetcher(db, b.fetchImage, { idleMs: 20 })
      // A is busy in its round, so only B can take this one: once it is stored, B has started and run a full
      // round over everything pending, the first snapshot included had it been released to the queue.
      const second = await db.snapshot.create({ data: { source: `url:claim-second-${provider}` } })
      await waitUntil(
        async () => (await db.snapshot.findUniqueOrThrow({ where: { id: second.id } })).state === 'stored',
        'B stored the second',
      )
      expect(b.calls).toEqual([second.source])

      release()
      await waitUntil(
        async () => (await db.snapshot.findUniqueOrThrow({ where: { id: first.id } })).state === 'stored',
        'A stored the first',
      )
      expect([...a.calls, ...b.calls].filter((s) => s === first.source)).toHaveLength(1)
    } finally {
      release()
      await Promise.all([fetcherA.stop(), fetcherB?.stop()])
    }
  })

  it('takes back a claim whose lease ran out (its fetcher died mid-fetch), and only that one', async () => {
    const orphan = await db.snapshot.create({
      data: { source: `url:orphan-${provider}`, state: 'fetching', nextAttemptAt: new Date(Date.now() - 1_000) },
    })
    const held = await db.snapshot.create({
      data: { source: `url:held-${provider}`, state: 'fetching', nextAttemptAt: new Date(Date.now() + 60 * 60_000) },
    })
    const recorder = recordingFetcher(jpeg)
    const fetcher = startSnapshotFetcher(db, recorder.fetchImage, { idleMs: 20 })
    try {
      await waitUntil(
        async () => (await db.snapshot.findUniqueOrThrow({ where: { id: orphan.id } })).state === 'stored',
        'orphan stored',
      )
      // A round that ran after the orphan was recovered: the live claim is still untouched.
      const probe = await db.snapshot.create({ data: { source: `url:lease-probe-${provider}` } })
      await waitUntil(
        async () => (await db.snapshot.findUniqueOrThrow({ where: { id: probe.id } })).state === 'stored',
        'probe stored',
      )
    } finally {
      await fetcher.stop()
    }
    expect(recorder.calls).not.toContain(held.source)
    expect((await db.snapshot.findUniqueOrThrow({ where: { id: held.id } })).state).toBe('fetching')
    await db.snapshot.delete({ where: { id: held.id } })
  })

  it('two fetchers started together fetch every pending snapshot exactly once', async () => {
    const sources = Array.from({ length: 12 }, (_, i) => `url:together-${provider}-${i}`)
    await db.snapshot.createMany({ data: sources.map((source) => ({ source })) })
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 5))
    const a = recordingFetcher(jpeg, slow)
    const b = recordingFetcher(jpeg, slow)
    const fetchers = [
      startSnapshotFetcher(db, a.fetchImage, { idleMs: 20 }),
      startSnapshotFetcher(db, b.fetchImage, { idleMs: 20 }),
    ]
    try {
      await waitUntil(
        async () =>
          (await db.snapshot.count({ where: { source: { in: sources }, state: 'stored' } })) === sources.length,
        'all stored',
      )
    } finally {
      await Promise.all(fetchers.map((f) => f.stop()))
    }
    const fetched = [...a.calls, ...b.calls].filter((s) => sources.includes(s))
    expect(fetched.sort()).toEqual([...sources].sort())
  })
})
