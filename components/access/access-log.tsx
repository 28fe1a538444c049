'use client'

// The access history: filters in the URL (bookmarkable, shareable, Back undoes them), keyset paging ("Load
// older"), live refresh when new events arrive (the live stream refetches these lists), times in the building's
// zone, and each row opening its detail view.
import { History } from 'lucide-react'
import Link from 'next/link'
import { AccessFilters } from '@/components/access/access-filters'
import { methodLabel } from '@/components/access/access-labels'
import { apiFiltersOf, useAccessUrlFilters } from '@/components/access/access-url-filters'
import { EventTimes } from '@/components/access/event-times'
import { useAccessEvents } from '@/components/data/access-queries'
import { useDevices } from '@/components/data/device-queries'
import { Badge } from '@/components/ui/badge'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { ListPage } from '@/components/ui/list-page'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'
import { apiPaths } from '@/lib/http/api-paths'
import { zoneLabel } from '@/lib/time/zoned-time'

export function AccessLog({ canExport, timeZone }: { canExport: boolean; timeZone: string }) {
  const { filters, setFilters, query } = useAccessUrlFilters()
  const apiFilters = apiFiltersOf(filters, timeZone)
  // Managers may not read the device list: the door filter is then simply empty.
  const devices = useDevices({ retry: false })
  const log = useAccessEvents(apiFilters)
  const detailHref = (id: string) => `/access/${encodeURIComponent(id)}${query ? `?${query}` : ''}`

  return (
    <ListPage
      source={log}
      moreLabel="Load older"
      filters={
        <AccessFilters
          filters={filters}
          onChange={setFilters}
          devices={devices.rows}
          timeZoneLabel={zoneLabel(timeZone)}
          actions={
            canExport && (
              <a
                className="rounded-md border border-border px-3 py-2 text-sm hover:border-accent"
                href={apiPaths.accessEventsCsv(apiFilters)}
                download
              >
                Export CSV
              </a>
            )
          }
        />
      }
      empty={
        <EmptyState title="No access events match" icon={<History />}>
          Each face, card, PIN or remote unlock appears here with the resident, the door and the snapshot.
        </EmptyState>
      }
    >
      {(rows) => (
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
            {
              key: 'when',
              header: `When (${timeZone})`,
              cell: (r) => (
                <Link href={detailHref(r.id)} className="hover:underline" data-testid="event-link">
                  <EventTimes occurredAt={r.occurredAt} receivedAt={r.receivedAt} />
                </Link>
              ),
              className: 'whitespace-nowrap',
            },
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
    </ListPage>
  )
}
