'use client'

// The audit trail: filters in the URL (who, what, when, on which object), keyset paging, times in the building's
// zone, and a CSV export of exactly the filtered rows (audited itself).
import { ScrollText } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import {
  NO_AUDIT_URL_FILTERS,
  auditApiFilters,
  useAuditUrlFilters,
  type AuditUrlFilters,
} from '@/components/audit/audit-url-filters'
import { useAuditActionLabel, useAuditActorLabel, useAuditTargetLabel } from '@/components/audit/audit-words'
import { useAudit } from '@/components/data/audit-queries'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { useFormatTime } from '@/components/ui/format-time'
import { ListPage } from '@/components/ui/list-page'
import { KNOWN_AUDIT_ACTIONS } from '@/lib/audit/audit-actions'
import { apiPaths } from '@/lib/http/api-paths'
import { zoneLabel } from '@/lib/time/zoned-time'

const fieldClass = 'w-full rounded-md border border-border bg-panel-2 px-2 py-2 text-sm'

/** The filter form: edits stay local until "Apply" (one history entry per search). */
function AuditFilterBar({
  filters,
  onApply,
  timeZone,
  exportHref,
}: {
  filters: AuditUrlFilters
  onApply: (filters: AuditUrlFilters) => void
  timeZone: string
  exportHref: string | null
}) {
  const t = useTranslations('audit')
  const actionLabel = useAuditActionLabel()
  const [draft, setDraft] = useState(filters)
  useEffect(() => setDraft(filters), [filters])
  const field = (key: keyof AuditUrlFilters, label: string, props: Record<string, string> = {}) => (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      <input
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        className={fieldClass}
        {...props}
      />
    </label>
  )
  return (
    <form
      className="grid gap-3 rounded-xl border border-border bg-panel p-4 sm:grid-cols-3 lg:grid-cols-6"
      onSubmit={(e) => {
        e.preventDefault()
        onApply(draft)
      }}
    >
      {field('user', t('filters.user'), { placeholder: t('filters.userPlaceholder') })}
      {field('action', t('filters.action'), { placeholder: t('filters.actionPlaceholder'), list: 'audit-actions' })}
      <datalist id="audit-actions">
        {KNOWN_AUDIT_ACTIONS.map((a) => (
          <option key={a} value={a} label={actionLabel(a)} />
        ))}
      </datalist>
      {field('from', t('filters.from', { zone: timeZone }), { type: 'datetime-local' })}
      {field('to', t('filters.to', { zone: timeZone }), { type: 'datetime-local' })}
      {field('object', t('filters.object'), { placeholder: t('filters.objectPlaceholder') })}
      <div className="flex flex-wrap items-end gap-2">
        <Button type="submit">{t('filters.apply')}</Button>
        <Button type="button" variant="ghost" onClick={() => onApply(NO_AUDIT_URL_FILTERS)}>
          {t('filters.clear')}
        </Button>
        {exportHref && (
          <a
            className="rounded-md border border-border px-3 py-2 text-sm hover:border-accent"
            href={exportHref}
            download
          >
            {t('exportCsv')}
          </a>
        )}
      </div>
    </form>
  )
}

export function AuditList({ timeZone, canExport }: { timeZone: string; canExport: boolean }) {
  const t = useTranslations('audit')
  const format = useFormatTime()
  const actionLabel = useAuditActionLabel()
  const targetLabel = useAuditTargetLabel()
  const actorLabel = useAuditActorLabel()
  const { filters, setFilters } = useAuditUrlFilters()
  const apiFilters = auditApiFilters(filters, timeZone)
  const audit = useAudit(apiFilters)
  return (
    <ListPage
      source={audit}
      moreLabel={t('loadOlder')}
      filters={
        <AuditFilterBar
          filters={filters}
          onApply={setFilters}
          timeZone={timeZone}
          exportHref={canExport ? apiPaths.auditCsv(apiFilters) : null}
        />
      }
      empty={
        <EmptyState title={t('emptyTitle')} icon={<ScrollText />}>
          {t('emptyBody')}
        </EmptyState>
      }
    >
      {(rows) => (
        <DataTable
          testId="audit-table"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'at',
              header: t('columns.when', { zone: zoneLabel(timeZone) }),
              cell: (r) => <time dateTime={r.at}>{format(r.at)}</time>,
              className: 'whitespace-nowrap',
            },
            { key: 'who', header: t('columns.who'), cell: (r) => <span className="break-all">{actorLabel(r)}</span> },
            {
              key: 'action',
              header: t('columns.action'),
              cell: (r) => (
                <span className="block">
                  {actionLabel(r.action)}
                  <code className="block text-xs text-muted">{r.action}</code>
                </span>
              ),
            },
            {
              key: 'target',
              header: t('columns.object'),
              cell: (r) =>
                r.targetType ? (
                  <span className="block">
                    {targetLabel(r.targetType)}
                    <code className="block break-all text-xs text-muted">
                      {r.targetType}:{r.targetId ?? ''}
                    </code>
                  </span>
                ) : (
                  '—'
                ),
            },
            { key: 'from', header: t('columns.from'), cell: (r) => r.ip ?? '—' },
          ]}
        />
      )}
    </ListPage>
  )
}
