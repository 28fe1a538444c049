'use client'
// Where each device stands with one resident: a live table (patched by `sync.updated`) with the state of every
// door, Tuya's code and message when a push failed, the attempts and when the next one is due, notes on what a
// device cannot take, and for operators allowed to, a retry per device and for every failed one at once.
import { RefreshCw } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { useResidentSync, useRetrySync } from '@/components/data/sync-queries'
import { Badge, type Tone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { useFormatTime } from '@/components/ui/format-time'
import type { SyncItem } from '@/lib/sync/schema'

const TONE: Record<SyncItem['state'], Tone> = { synced: 'ok', pending: 'warn', failed: 'danger' }

export function SyncPanel({ residentId, canRetry = false }: { residentId: string; canRetry?: boolean }) {
  const t = useTranslations('sync')
  const formatTime = useFormatTime()
  const errorMessage = useErrorMessage()
  const sync = useResidentSync(residentId)
  const retry = useRetrySync(residentId)
  const items = sync.data?.items ?? []
  const failed = items.filter((i) => i.state === 'failed').length
  const problem = sync.error ?? retry.error

  return (
    <section aria-label={t('section')} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">{t('title')}</h2>
        {canRetry && failed > 0 && (
          <Button
            variant="secondary"
            className="px-3 py-1.5 text-xs"
            disabled={retry.isPending}
            onClick={() => retry.mutate({})}
          >
            <RefreshCw className="size-3.5" aria-hidden /> {t('retryAll', { count: failed })}
          </Button>
        )}
      </div>
      {problem && (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(problem)}
        </p>
      )}
      {sync.isPending ? (
        <p className="text-sm text-muted">{t('loading')}</p>
      ) : items.length === 0 ? (
        sync.error ? null : (
          <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
        )
      ) : (
        <DataTable
          testId="sync-table"
          rows={items}
          rowKey={(i) => i.id}
          columns={[
            {
              key: 'device',
              header: t('columns.device'),
              cell: (i) => <span className="font-medium">{i.deviceName}</span>,
            },
            {
              key: 'state',
              header: t('columns.state'),
              cell: (i) => (
                <span className="whitespace-nowrap">
                  <Badge tone={TONE[i.state]}>{t(`states.${i.state}`)}</Badge>
                </span>
              ),
            },
            {
              key: 'detail',
              header: t('columns.detail'),
              cell: (i) => (
                <div className="space-y-1 text-xs">
                  {i.error && (
                    <p className="text-danger">
                      <span className="font-mono">{i.error.code}</span> {errorMessage(i.error, { unknownAsIs: true })}
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
            { key: 'attempts', header: t('columns.attempts'), cell: (i) => i.attempts },
            {
              key: 'next',
              header: t('columns.next'),
              cell: (i) =>
                i.state === 'failed' && !i.nextAttemptAt ? (
                  <span className="text-muted">{t('onRetry')}</span>
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
                          aria-label={t('retryDevice', { device: i.deviceName })}
                          onClick={() => retry.mutate({ deviceId: i.deviceId })}
                        >
                          {t('retry')}
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
