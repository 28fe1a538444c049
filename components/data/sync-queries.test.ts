// A retry's answer may arrive after the live event of the push it started: the cached list keeps, row by row,
// whichever version changed last.
import { describe, expect, it } from 'vitest'
import { newestOf } from '@/components/data/sync-queries'
import type { SyncItem } from '@/lib/sync/schema'

const item = (id: string, state: SyncItem['state'], updatedAt: string): SyncItem => ({
  id,
  residentId: 'r',
  deviceId: `d-${id}`,
  deviceName: id,
  state,
  error: null,
  attempts: 0,
  notes: [],
  nextAttemptAt: null,
  updatedAt,
})

describe('newestOf', () => {
  it('keeps the live version of a row that changed after the retry answered', () => {
    const cached = { items: [item('a', 'synced', '2026-06-01T10:00:05Z'), item('b', 'failed', '2026-06-01T09:00:00Z')] }
    const answer = {
      items: [item('a', 'pending', '2026-06-01T10:00:00Z'), item('b', 'pending', '2026-06-01T10:00:00Z')],
    }
    expect(newestOf(cached, answer).items.map((i) => [i.id, i.state])).toEqual([
      ['a', 'synced'],
      ['b', 'pending'],
    ])
    expect(newestOf(undefined, answer)).toEqual(answer)
  })
})
