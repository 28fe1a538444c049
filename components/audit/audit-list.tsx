'use client'

import { useInfiniteQuery } from '@tanstack/react-query'
import { ScrollText } from 'lucide-react'
import { apiFetch } from '@/components/ui/api-fetch'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { formatTime } from '@/components/ui/format-time'
import type { AuditItem } from '@/lib/audit/schema'

type Page = { items: AuditItem[]; nextCursor: string | null }

export function AuditList() {
  const query = useInfiniteQuery({
    queryKey: ['audit'],
    queryFn: ({ pageParam }) => apiFetch<Page>(`/api/audit?limit=50${pageParam ? `&cursor=${pageParam}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const rows = query.data?.pages.flatMap((p) => p.items) ?? []
  if (query.isSuccess && rows.length === 0) {
    return (
      <EmptyState title="No operator actions yet" icon={<ScrollText />}>
        Sign-ins, door unlocks, alarm handling, resident changes, exports and token changes are recorded here.
      </EmptyState>
    )
  }
  return (
    <div className="space-y-4">
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
      {query.hasNextPage && (
        <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          Load older
        </Button>
      )}
    </div>
  )
}
