'use client'

import { ScrollText } from 'lucide-react'
import { useAudit } from '@/components/data/audit-queries'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { formatTime } from '@/components/ui/format-time'
import { ListPage } from '@/components/ui/list-page'

export function AuditList() {
  const audit = useAudit()
  return (
    <ListPage
      source={audit}
      moreLabel="Load older"
      empty={
        <EmptyState title="No operator actions yet" icon={<ScrollText />}>
          Sign-ins, door unlocks, alarm handling, resident changes, exports and token changes are recorded here.
        </EmptyState>
      }
    >
      {(rows) => (
        <DataTable
          testId="audit-table"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { key: 'at', header: 'When', cell: (r) => formatTime(r.at), className: 'whitespace-nowrap' },
            { key: 'who', header: 'Who', cell: (r) => r.actor },
            { key: 'action', header: 'Action', cell: (r) => <code className="text-xs">{r.action}</code> },
            {
              key: 'target',
              header: 'Target',
              cell: (r) => (r.targetType ? `${r.targetType} ${r.targetId ?? ''}` : '—'),
            },
            { key: 'from', header: 'From', cell: (r) => r.ip ?? '—' },
          ]}
        />
      )}
    </ListPage>
  )
}
