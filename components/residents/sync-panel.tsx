'use client'
// Where each device stands with one resident: a live table (patched by `sync.updated`) with the state of every
// door, Tuya's code and message when a push failed, the attempts and when the next one is due, notes on what a
// device cannot take, and for operators allowed to, a retry per device and for every failed one at once.
import { RefreshCw } from 'lucide-react'
import { useResidentSync, useRetrySync } from '@/components/data/sync-queries'
import { Badge, type Tone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { formatTime } from '@/components/ui/format-time'
import type { SyncItem } from '@/lib/sync/schema'

const STATE: Record<SyncItem['state'], { label: string; tone: Tone }> = {
  synced: { label: 'In sync', tone: 'ok' },
  pending: { label: 'Pending', tone: 'warn' },
  failed: { label: 'Failed', tone: 'danger' },
}

export function SyncPanel({ residentId, canRetry = false }: { residentId: string; canRetry?: boolean }) {
  const sync = useResidentSync(residentId)
  const retry = useRetrySync(residentId)
  const items = sync.data?.items ?? []
  const failed = items.filter((i) => i.state === 'failed').length

  return (
    <section aria-label="Sync to doors" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Doors</h2>
        {canRetry && failed > 0 && (
          <Button
            variant="secondary"
            className="px-3 py-1.5 text-xs"
            disabled={retry.isPending}
            onClick={() => retry.mutate({})}
          >
            <RefreshCw className="size-3.5" aria-hidden /> Retry all failed ({failed})
          </Button>
        )}
      </div>
      {retry.error && (
        <p role="alert" className="text-sm text-danger">
          {retry.error.message}
        </p>
      )}
      {sync.error ? (
        <p role="alert" className="text-sm text-danger">
          {sync.error.message}
        </p>
      ) : sync.isPending ? (
        <p className="text-sm text-muted">Loading…</p>
      ) : items.length === 0 ? (
        <EmptyState title="No doors yet">Grant this resident a door or a group to push them to its devices.</EmptyState>
      ) : (
        <DataTable
          testId="sync-table"
          rows={items}
          rowKey={(i) => i.id}
          columns={[
            { key: 'device', header: 'Device', cell: (i) => <span className="font-medium">{i.deviceName}</span> },
            {
              key: 'state',
              header: 'State',
              cell: (i) => (
                <span className="whitespace-nowrap">
                  <Badge tone={STATE[i.state].tone}>{STATE[i.state].label}</Badge>
                </span>
              ),
            },
            {
              key: 'detail',
              header: 'Detail',
              cell: (i) => (
                <div className="space-y-1 text-xs">
                  {i.error && (
                    <p className="text-danger">
                      <span className="font-mono">{i.error.code}</span> {i.error.message}
                    </p>
                  )}
                  {i.notes.map((note) => (
                    <p key={note} className="text-muted">
                      {note}
                    </p>
                  ))}
                </div>
              ),
            },
            { key: 'attempts', header: 'Attempts', cell: (i) => i.attempts },
            {
              key: 'next',
              header: 'Next attempt',
              cell: (i) =>
                i.state === 'failed' && !i.nextAttemptAt ? (
                  <span className="text-muted">on retry</span>
                ) : (
                  formatTime(i.nextAttemptAt)
                ),
            },
            ...(canRetry
              ? [
                  {
                    key: 'retry',
                    header: '',
                    cell: (i: SyncItem) =>
                      i.state !== 'synced' && (
                        <Button
                          variant="ghost"
                          className="px-2 py-1 text-xs"
                          disabled={retry.isPending}
                          aria-label={`Retry ${i.deviceName}`}
                          onClick={() => retry.mutate({ deviceId: i.deviceId })}
                        >
                          Retry
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </section>
  )
}
