import { QueryClient, type InfiniteData } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { LIVE_FEED_LIMIT } from '@/components/data/access-queries'
import { queryKeys } from '@/components/data/query-keys'
import { applyLiveEvent } from '@/components/realtime/apply-live-event'
import type { AccessEventItem } from '@/lib/access/schema'
import type { AlarmItem } from '@/lib/alarms/schema'
import type { CallItem } from '@/lib/calls/schema'
import type { DeviceItem } from '@/lib/devices/schema'
import type { Page } from '@/lib/http/page'

const at = '2026-11-30T12:00:00.000Z'
const access = (id: string, over: Partial<AccessEventItem> = {}): AccessEventItem => ({
  id,
  occurredAt: at,
  receivedAt: at,
  deviceId: 'd1',
  deviceName: 'Lobby',
  method: 'face',
  result: 'granted',
  residentId: 'r1',
  residentName: 'Alice Martin',
  snapshotUrl: null,
  backfilled: false,
  ...over,
})
const call = (id: string, state: CallItem['state']): CallItem => ({
  id,
  deviceId: 'd1',
  deviceName: 'Door',
  deviceLocation: null,
  deviceCategory: 'door_station',
  state,
  startedAt: at,
  endedAt: null,
  answeredBy: null,
  snapshotUrl: null,
  backfilled: false,
  seenAt: null,
  seenBy: null,
  caller: null,
})
const alarm = (id: string, state: AlarmItem['state']): AlarmItem => ({
  id,
  type: 'tamper',
  priority: 'critical',
  state,
  count: 1,
  deviceId: 'd1',
  deviceName: 'Gym',
  detail: null,
  firstAt: at,
  lastAt: at,
  assignee: null,
  acknowledgedAt: null,
  resolvedAt: null,
  escalatedAt: null,
  snapshotUrl: null,
  backfilled: false,
})
const device = (id: string, online: boolean): DeviceItem => ({
  id,
  tuyaId: `t-${id}`,
  name: `Door ${id}`,
  category: 'smart_lock',
  location: null,
  online,
  lastSeenAt: null,
  battery: null,
})
const page = <T>(items: T[]): Page<T> => ({ items, nextCursor: null })
const paged = <T>(...pages: T[][]): InfiniteData<Page<T>> => ({
  pages: pages.map((items) => ({ items, nextCursor: 'next' })),
  pageParams: pages.map((_, n) => (n === 0 ? '' : `cursor-${n}`)),
})
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
const ids = (data: Page<{ id: string }> | undefined) => data?.items.map((i) => i.id)

describe('applying a live event to the cache', () => {
  it('puts a new access event at the top of the feed, keeps the feed bounded, and refetches the access log', async () => {
    const qc = new QueryClient()
    const full = Array.from({ length: LIVE_FEED_LIMIT }, (_, n) => access(`old-${n}`))
    qc.setQueryData(queryKeys.access.feed(), page(full))
    const logKey = queryKeys.access.list({ result: 'denied' })
    qc.setQueryData(logKey, paged([access('old-0')]))

    await applyLiveEvent(qc, { event: 'access.created', payload: access('new') })

    const feed = ids(qc.getQueryData(queryKeys.access.feed()))
    expect(feed?.[0]).toBe('new')
    expect(feed).toHaveLength(LIVE_FEED_LIMIT)
    expect(feed).not.toContain(`old-${LIVE_FEED_LIMIT - 1}`)
    expect(qc.getQueryState(logKey)?.isInvalidated).toBe(true)
  })

  it('replaces an updated access event where it shows (its snapshot arrived), without duplicating it', async () => {
    const qc = new QueryClient()
    qc.setQueryData(queryKeys.access.feed(), page([access('a'), access('b')]))
    const logKey = queryKeys.access.list({})
    qc.setQueryData(logKey, paged([access('x')], [access('b'), access('c')]))

    const withSnapshot = access('b', { snapshotUrl: '/api/snapshots/s1' })
    await applyLiveEvent(qc, { event: 'access.updated', payload: withSnapshot })

    expect(qc.getQueryData<Page<AccessEventItem>>(queryKeys.access.feed())?.items).toEqual([access('a'), withSnapshot])
    const log = qc.getQueryData<InfiniteData<Page<AccessEventItem>>>(logKey)
    expect(log?.pages[1].items).toEqual([withSnapshot, access('c')])
    expect(qc.getQueryState(logKey)?.isInvalidated).toBe(false)
  })

  it('updates a call in place and adds a new one at the top', async () => {
    const qc = new QueryClient()
    qc.setQueryData(queryKeys.calls.recent(), page([call('c1', 'ringing'), call('c0', 'missed')]))

    await applyLiveEvent(qc, { event: 'call.updated', payload: call('c1', 'answered') })
    await applyLiveEvent(qc, { event: 'call.updated', payload: call('c2', 'ringing') })

    expect(qc.getQueryData<Page<CallItem>>(queryKeys.calls.recent())?.items.map((c) => [c.id, c.state])).toEqual([
      ['c2', 'ringing'],
      ['c1', 'answered'],
      ['c0', 'missed'],
    ])
  })

  it('adds a missed call to the missed list and drops it once a guard has seen it', async () => {
    const qc = new QueryClient()
    qc.setQueryData(queryKeys.calls.missed(), page([call('c0', 'missed')]))

    await applyLiveEvent(qc, { event: 'call.updated', payload: call('c1', 'ringing') })
    expect(ids(qc.getQueryData(queryKeys.calls.missed()))).toEqual(['c0'])
    await applyLiveEvent(qc, { event: 'call.updated', payload: call('c1', 'missed') })
    expect(ids(qc.getQueryData(queryKeys.calls.missed()))).toEqual(['c1', 'c0'])
    const seen = { ...call('c0', 'missed'), seenAt: at, seenBy: 'Gina' }
    await applyLiveEvent(qc, { event: 'call.updated', payload: seen })
    expect(ids(qc.getQueryData(queryKeys.calls.missed()))).toEqual(['c1'])
  })

  it('drops a resolved alarm from the open alarms and refetches the filtered alarm lists', async () => {
    const qc = new QueryClient()
    qc.setQueryData(queryKeys.alarms.open(), page([alarm('a1', 'open'), alarm('a2', 'acknowledged')]))
    const historyKey = queryKeys.alarms.list({ state: 'resolved' })
    qc.setQueryData(historyKey, paged([alarm('a0', 'resolved')]))

    await applyLiveEvent(qc, { event: 'alarm.updated', payload: alarm('a1', 'resolved') })
    expect(ids(qc.getQueryData(queryKeys.alarms.open()))).toEqual(['a2'])
    expect(qc.getQueryState(historyKey)?.isInvalidated).toBe(true)

    await applyLiveEvent(qc, { event: 'alarm.created', payload: alarm('a3', 'open') })
    expect(ids(qc.getQueryData(queryKeys.alarms.open()))).toEqual(['a3', 'a2'])
  })

  it('updates a device where it stands in the list', async () => {
    const qc = new QueryClient()
    qc.setQueryData(queryKeys.devices.list(), page([device('1', true), device('2', true)]))

    await applyLiveEvent(qc, { event: 'device.updated', payload: device('1', false) })

    expect(qc.getQueryData<Page<DeviceItem>>(queryKeys.devices.list())?.items).toEqual([
      device('1', false),
      device('2', true),
    ])
  })

  it('applies an event that arrives during the first load to what that load returns', async () => {
    const qc = new QueryClient()
    const firstLoad = deferred<Page<CallItem>>()
    const loading = qc.fetchQuery({ queryKey: queryKeys.calls.recent(), queryFn: () => firstLoad.promise })

    const applied = applyLiveEvent(qc, { event: 'call.updated', payload: call('c1', 'ringing') })
    firstLoad.resolve(page([call('c0', 'missed')]))
    await Promise.all([loading, applied])

    expect(ids(qc.getQueryData(queryKeys.calls.recent()))).toEqual(['c1', 'c0'])
  })

  it('keeps a patch that a refetch under way (read before the event) would undo', async () => {
    const qc = new QueryClient()
    const folded = (count: number) => ({ ...alarm('a1', 'open'), count })
    qc.setQueryData(queryKeys.alarms.open(), page([folded(1)]))
    const refetchAnswer = deferred<Page<AlarmItem>>()
    const refetching = qc.fetchQuery({ queryKey: queryKeys.alarms.open(), queryFn: () => refetchAnswer.promise })

    const applied = applyLiveEvent(qc, { event: 'alarm.updated', payload: folded(2) })
    expect(qc.getQueryData<Page<AlarmItem>>(queryKeys.alarms.open())?.items[0].count).toBe(2)
    refetchAnswer.resolve(page([folded(1)]))
    await Promise.all([refetching, applied])

    expect(qc.getQueryData<Page<AlarmItem>>(queryKeys.alarms.open())?.items[0].count).toBe(2)
  })

  it('leaves the other domains alone', async () => {
    const qc = new QueryClient()
    qc.setQueryData(queryKeys.devices.list(), page([device('1', true)]))
    qc.setQueryData(queryKeys.calls.recent(), page([]))

    await applyLiveEvent(qc, { event: 'access.created', payload: access('new') })

    expect(qc.getQueryState(queryKeys.devices.list())?.isInvalidated).toBe(false)
    expect(ids(qc.getQueryData(queryKeys.calls.recent()))).toEqual([])
  })
})
