'use client'

// The access history: filters in the URL (bookmarkable, shareable, Back undoes them), keyset paging ("Load
// older"), live refresh when new events arrive (the live stream refetches these lists), times in the building's
// zone, and each row opening its detail view.
import { History } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { AccessFilters } from '@/components/access/access-filters'
import { useMethodLabel, useResultLabel } from '@/components/access/access-words'
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
  const t = useTranslations('accessLog')
  const words = useTranslations('accessView')
  const methodLabel = useMethodLabel()
  const resultLabel = useResultLabel()
  const { filters, setFilters, query } = useAccessUrlFilters()
  const apiFilters = apiFiltersOf(filters, timeZone)
  // Managers may not read the device list: the door filter is then simply empty.
  const devices = useDevices({ retry: false })
  const log = useAccessEvents(apiFilters)
  const detailHref = (id: string) => `/access/${encodeURIComponent(id)}${query ? `?${query}` : ''}`

  return (
    <ListPage
      source={log}
      moreLabel={t('loadOlder')}
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
                {t('exportCsv')}
              </a>
            )
          }
        />
      }
      empty={
        <EmptyState title={t('emptyTitle')} icon={<History />}>
          {t('emptyBody')}
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
              header: t('columns.snapshot'),
              cell: (r) => (
                <SnapshotThumb
                  url={r.snapshotUrl}
                  alt={t('snapshotOf', { name: r.residentName ?? words('unknown') })}
                  size={40}
                />
              ),
            },
            {
              key: 'when',
              header: t('columns.when', { zone: zoneLabel(timeZone) }),
              cell: (r) => (
                <Link href={detailHref(r.id)} className="hover:underline" data-testid="event-link">
                  <EventTimes occurredAt={r.occurredAt} receivedAt={r.receivedAt} />
                </Link>
              ),
              className: 'whitespace-nowrap',
            },
            {
              key: 'who',
              header: t('columns.resident'),
              cell: (r) => r.residentName ?? <span className="text-muted">{words('unknown')}</span>,
            },
            { key: 'door', header: t('columns.door'), cell: (r) => r.deviceName ?? '—' },
            { key: 'method', header: t('columns.method'), cell: (r) => methodLabel(r.method) },
            {
              key: 'result',
              header: t('columns.result'),
              cell: (r) => (
                <span className="flex gap-1">
                  <Badge tone={r.result === 'granted' ? 'ok' : 'danger'}>{resultLabel(r.result)}</Badge>
                  {r.backfilled && <Badge tone="warn">{words('recovered')}</Badge>}
                </span>
              ),
            },
          ]}
        />
      )}
    </ListPage>
  )
}
