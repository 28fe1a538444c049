import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { queryKeys } from '@/components/data/query-keys'

/** Seeds a cache with one query per key, then reports which keys an invalidation by `prefix` reaches. */
function reachedBy(prefix: readonly unknown[], keys: (readonly unknown[])[]) {
  const qc = new QueryClient()
  for (const key of keys) qc.setQueryData(key, { items: [], nextCursor: null })
  return qc
    .getQueryCache()
    .findAll({ queryKey: prefix })
    .map((q) => q.queryKey)
}

const everyKey = [
  queryKeys.access.feed(),
  queryKeys.access.list({ method: 'face' }),
  queryKeys.access.list({}),
  queryKeys.calls.recent(),
  queryKeys.alarms.open(),
  queryKeys.alarms.list({ state: 'open' }),
  queryKeys.alarms.list({}),
  queryKeys.devices.list(),
  queryKeys.inboundMessages.list({ outcome: 'partial' }),
  queryKeys.residents.list({ q: 'ana' }),
  queryKeys.audit.list({}),
  queryKeys.users.list(),
  queryKeys.tokens.list(),
  queryKeys.me.all(),
]

describe('the query-key factory', () => {
  it('starts every key of a domain with that domain, so invalidating the domain reaches all of them', () => {
    expect(reachedBy(queryKeys.alarms.all(), everyKey)).toEqual([
      queryKeys.alarms.open(),
      queryKeys.alarms.list({ state: 'open' }),
      queryKeys.alarms.list({}),
    ])
    expect(reachedBy(queryKeys.access.all(), everyKey)).toHaveLength(3)
  })

  it('groups the filtered lists, so a live event can refetch them without touching the live lists', () => {
    expect(reachedBy(queryKeys.alarms.lists(), everyKey)).toEqual([
      queryKeys.alarms.list({ state: 'open' }),
      queryKeys.alarms.list({}),
    ])
    expect(reachedBy(queryKeys.access.lists(), everyKey)).not.toContainEqual(queryKeys.access.feed())
  })

  it('keeps domains apart', () => {
    const domains = everyKey.map((key) => key[0])
    expect(new Set(domains)).toEqual(
      new Set([
        'access-events',
        'calls',
        'alarms',
        'devices',
        'inbound-messages',
        'residents',
        'audit',
        'users',
        'tokens',
        'me',
      ]),
    )
    expect(reachedBy(queryKeys.users.all(), everyKey)).toEqual([queryKeys.users.list()])
  })

  it('gives equal filters one key, whether an empty filter is missing or blank', () => {
    expect(queryKeys.access.list({ method: undefined, deviceId: '' })).toEqual(queryKeys.access.list({}))
    expect(queryKeys.alarms.list({ state: 'open' })).not.toEqual(queryKeys.alarms.list({ state: 'resolved' }))
  })
})
