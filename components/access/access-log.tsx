'use client'

// The access history: filters in the URL-less local state, keyset paging ("Load older"), live refresh when new
// events arrive (the live stream invalidates this query).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { History } from 'lucide-react'
import { useState } from 'react'
import { METHOD_LABELS, methodLabel } from '@/components/access/access-labels'
import { QUERY_KEYS, type ListPage } from '@/components/realtime/apply-live-event'
import { apiFetch } from '@/components/ui/api-fetch'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { formatTime } from '@/components/ui/format-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'
import type { AccessEventItem } from '@/lib/access/schema'
import type { DeviceItem } from '@/lib/devices/schema'

type Filters = { method: string; result: string; deviceId: string; from: string; to: string }
const EMPTY: Filters = { method: '', result: '', deviceId: '', from: '', to: '' }

function queryString(filters: Filters, cursor?: string) {
  const params = new URLSearchParams({ limit: '50' })
  for (const [key, value] of Object.entries(filters)) {
    if (!value) continue
    params.set(key, key === 'from' || key === 'to' ? new Date(value).toISOString() : value)
  }
  if (cursor) params.set('cursor', cursor)
  return params.toString()
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  options: [string, string][]
}) {
  return (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-full rounded-md border border-border bg-panel-2 px-2 py-2 text-sm"
      >
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  )
}

export function AccessLog({ canExport }: { canExport: boolean }) {
  const [filters, setFilters] = useState<Filters>(EMPTY)
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }))
  const devices = useQuery({
    queryKey: QUERY_KEYS.devices,
    queryFn: () => apiFetch<ListPage<DeviceItem>>('/api/devices'),
    enabled: true,
    retry: false,
  })
  const log = useInfiniteQuery({
    queryKey: [...QUERY_KEYS.accessLog, filters],
    queryFn: ({ pageParam }) =>
      apiFetch<ListPage<AccessEventItem>>(`/api/access-events?${queryString(filters, pageParam || undefined)}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const rows = log.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <div className="space-y-4">
      <div className="grid gap-3 rounded-xl border border-border bg-panel p-4 sm:grid-cols-3 lg:grid-cols-6">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">From</span>
          <input
            type="datetime-local"
            value={filters.from}
            onChange={(e) => set('from')(e.target.value)}
            className="w-full rounded-md border border-border bg-panel-2 px-2 py-2 text-sm"
          />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">To</span>
          <input
            type="datetime-local"
            value={filters.to}
            onChange={(e) => set('to')(e.target.value)}
            className="w-full rounded-md border border-border bg-panel-2 px-2 py-2 text-sm"
          />
        </label>
        <Select
          label="Method"
          value={filters.method}
          onChange={set('method')}
          options={Object.entries(METHOD_LABELS)}
        />
        <Select
          label="Result"
          value={filters.result}
          onChange={set('result')}
          options={[
            ['granted', 'Entered'],
            ['denied', 'Refused'],
          ]}
        />
        <Select
          label="Door"
          value={filters.deviceId}
          onChange={set('deviceId')}
          options={(devices.data?.items ?? []).map((d) => [d.id, d.name])}
        />
        <div className="flex items-end gap-2">
          <Button variant="ghost" onClick={() => setFilters(EMPTY)}>
            Clear
          </Button>
          {canExport && (
            <a
              className="rounded-md border border-border px-3 py-2 text-sm hover:border-accent"
              href={`/api/access-events/export?format=csv&${queryString(filters).replace('limit=50&', '')}`}
            >
              Export CSV
            </a>
          )}
        </div>
      </div>
      {log.isSuccess && rows.length === 0 ? (
        <EmptyState title="No access events match" icon={<History />}>
          Each face, card, PIN or remote unlock appears here with the resident, the door and the snapshot.
        </EmptyState>
      ) : (
        <DataTable
          testId="access-table"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'snap',
              header: '',
              cell: (r) => (
                <SnapshotThumb url={r.snapshotUrl} alt={`Snapshot: ${r.residentName ?? 'unknown'}`} size={40} />
              ),
            },
            { key: 'when', header: 'When', cell: (r) => formatTime(r.occurredAt), className: 'whitespace-nowrap' },
            {
              key: 'who',
              header: 'Resident',
              cell: (r) => r.residentName ?? <span className="text-muted">Unknown</span>,
            },
            { key: 'door', header: 'Door', cell: (r) => r.deviceName ?? '—' },
            { key: 'method', header: 'Method', cell: (r) => methodLabel(r.method) },
            {
              key: 'result',
              header: 'Result',
              cell: (r) => (
                <span className="flex gap-1">
                  <Badge tone={r.result === 'granted' ? 'ok' : 'danger'}>
                    {r.result === 'granted' ? 'Entered' : 'Refused'}
                  </Badge>
                  {r.backfilled && <Badge tone="warn">Recovered</Badge>}
                </span>
              ),
            },
          ]}
        />
      )}
      {log.hasNextPage && (
        <Button variant="secondary" onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          Load older
        </Button>
      )}
    </div>
  )
}
