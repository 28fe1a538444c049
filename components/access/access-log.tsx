'use client'

// The access history: filters in local state, keyset paging ("Load older"), live refresh when new events arrive
// (the live stream refetches these lists).
import { History } from 'lucide-react'
import { useState } from 'react'
import { AccessFilters, NO_ACCESS_FILTERS, type AccessFilterForm } from '@/components/access/access-filters'
import { isAccessMethod, isAccessResult, methodLabel } from '@/components/access/access-labels'
import { useAccessEvents } from '@/components/data/access-queries'
import { useDevices } from '@/components/data/device-queries'
import { Badge } from '@/components/ui/badge'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { formatTime } from '@/components/ui/format-time'
import { ListPage } from '@/components/ui/list-page'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'
import { apiPaths, type AccessEventFilters } from '@/lib/http/api-paths'

/** A `datetime-local` value is the guard's local time; the API takes UTC ISO-8601. */
function isoFromLocalInput(value: string): string | undefined {
  const time = value ? new Date(value) : null
  return time && !Number.isNaN(time.getTime()) ? time.toISOString() : undefined
}

function apiFiltersOf(form: AccessFilterForm): AccessEventFilters {
  return {
    method: isAccessMethod(form.method) ? form.method : undefined,
    result: isAccessResult(form.result) ? form.result : undefined,
    deviceId: form.deviceId || undefined,
    from: isoFromLocalInput(form.from),
    to: isoFromLocalInput(form.to),
  }
}

export function AccessLog({ canExport }: { canExport: boolean }) {
  const [form, setForm] = useState<AccessFilterForm>(NO_ACCESS_FILTERS)
  const filters = apiFiltersOf(form)
  // Managers may not read the device list: the door filter is then simply empty.
  const devices = useDevices({ retry: false })
  const log = useAccessEvents(filters)

  return (
    <ListPage
      source={log}
      moreLabel="Load older"
      filters={
        <AccessFilters
          filters={form}
          onChange={setForm}
          devices={devices.rows}
          actions={
            canExport && (
              <a
                className="rounded-md border border-border px-3 py-2 text-sm hover:border-accent"
                href={apiPaths.accessEventsCsv(filters)}
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
    </ListPage>
  )
}
