'use client'

import { Users } from 'lucide-react'
import { useState } from 'react'
import { useResidents } from '@/components/data/resident-queries'
import { Badge } from '@/components/ui/badge'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { ListPage } from '@/components/ui/list-page'

export function ResidentList() {
  const [q, setQ] = useState('')
  const residents = useResidents(q)
  return (
    <ListPage
      source={residents}
      filters={
        <input
          type="search"
          aria-label="Search residents"
          placeholder="Search by name"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="w-full max-w-sm rounded-md border border-border bg-panel-2 px-3 py-2 text-sm"
        />
      }
      empty={
        <EmptyState title={q ? 'No resident matches' : 'No residents yet'} icon={<Users />}>
          Residents of each unit, with their enrolled faces, cards and PINs and whether every door has received them.
        </EmptyState>
      }
    >
      {(rows) => (
        <DataTable
          testId="resident-table"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { key: 'name', header: 'Name', cell: (r) => <span className="font-medium">{r.name}</span> },
            {
              key: 'unit',
              header: 'Unit',
              cell: (r) => (r.unit ? `${r.unit}${r.building ? ` · ${r.building}` : ''}` : '—'),
            },
            {
              key: 'cred',
              header: 'Credentials',
              cell: (r) => (
                <span className="flex flex-wrap gap-1">
                  {r.credentials.face > 0 && <Badge>Face</Badge>}
                  {r.credentials.card > 0 && <Badge>Card ×{r.credentials.card}</Badge>}
                  {r.credentials.pin > 0 && <Badge>PIN</Badge>}
                </span>
              ),
            },
            {
              key: 'sync',
              header: 'On devices',
              cell: (r) =>
                r.sync.failed > 0 ? (
                  <Badge tone="danger">{r.sync.failed} failed</Badge>
                ) : r.sync.pending > 0 ? (
                  <Badge tone="warn">{r.sync.pending} pending</Badge>
                ) : (
                  <Badge tone="ok">in sync</Badge>
                ),
            },
            { key: 'status', header: 'Status', cell: (r) => <span className="capitalize">{r.status}</span> },
          ]}
        />
      )}
    </ListPage>
  )
}
