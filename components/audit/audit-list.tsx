'use client'

// The audit trail: filters in the URL (who, what, when, on which object), keyset paging, times in the building's
// zone, and a CSV export of exactly the filtered rows (audited itself).
import { ScrollText } from 'lucide-react'
import { useEffect, useState } from 'react'
import {
  NO_AUDIT_URL_FILTERS,
  auditApiFilters,
  useAuditUrlFilters,
  type AuditUrlFilters,
} from '@/components/audit/audit-url-filters'
import { useAudit } from '@/components/data/audit-queries'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { ListPage } from '@/components/ui/list-page'
import { KNOWN_AUDIT_ACTIONS } from '@/lib/audit/audit-actions'
import { apiPaths } from '@/lib/http/api-paths'
import { formatInZone, zoneLabel } from '@/lib/time/zoned-time'

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
      {field('user', 'User', { placeholder: 'email or user id' })}
      {field('action', 'Action', { placeholder: 'e.g. access.*', list: 'audit-actions' })}
      <datalist id="audit-actions">
        {KNOWN_AUDIT_ACTIONS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      {field('from', `From (${timeZone})`, { type: 'datetime-local' })}
      {field('to', `To (${timeZone})`, { type: 'datetime-local' })}
      {field('object', 'Object', { placeholder: 'resident:<id> or an id' })}
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        <Button type="button" variant="ghost" onClick={() => onApply(NO_AUDIT_URL_FILTERS)}>
          Clear
        </Button>
        {exportHref && (
          <a
            className="rounded-md border border-border px-3 py-2 text-sm hover:border-accent"
            href={exportHref}
            download
          >
            Export CSV
          </a>
        )}
      </div>
    </form>
  )
}

export function AuditList({ timeZone, canExport }: { timeZone: string; canExport: boolean }) {
  const { filters, setFilters } = useAuditUrlFilters()
  const apiFilters = auditApiFilters(filters, timeZone)
  const audit = useAudit(apiFilters)
  return (
    <ListPage
      source={audit}
      moreLabel="Load older"
      filters={
        <AuditFilterBar
          filters={filters}
          onApply={setFilters}
          timeZone={timeZone}
          exportHref={canExport ? apiPaths.auditCsv(apiFilters) : null}
        />
      }
      empty={
        <EmptyState title="No audit entries match" icon={<ScrollText />}>
          Sign-ins, door unlocks, alarm handling, resident changes, views of faces, searches and exports are recorded
          here.
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
              header: `When (${zoneLabel(timeZone)})`,
              cell: (r) => formatInZone(r.at, timeZone),
              className: 'whitespace-nowrap',
            },
            { key: 'who', header: 'Who', cell: (r) => r.actor },
            { key: 'action', header: 'Action', cell: (r) => <code className="text-xs">{r.action}</code> },
            {
              key: 'target',
              header: 'Object',
              cell: (r) => (r.targetType ? `${r.targetType} ${r.targetId ?? ''}` : '—'),
            },
            { key: 'from', header: 'From', cell: (r) => r.ip ?? '—' },
          ]}
        />
      )}
    </ListPage>
  )
}
