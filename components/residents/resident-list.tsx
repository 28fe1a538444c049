'use client'

// The register: residents searched by name and filtered by unit and status, alphabetical, a page at a time.
// Admins also get "New resident" and "Import CSV"; guards and managers read it only.
import { Upload, UserPlus, Users } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useResidents } from '@/components/data/resident-queries'
import { useUnits } from '@/components/data/unit-queries'
import { ImportPanel } from '@/components/residents/import-panel'
import { NewResidentForm } from '@/components/residents/new-resident-form'
import { STATUS_TONES, STATUSES, unitLabelOf } from '@/components/residents/resident-labels'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { ListPage } from '@/components/ui/list-page'
import type { ResidentStatus } from '@/lib/domain/enums'
import type { ResidentItem } from '@/lib/residents/schema'

const selectClass = 'rounded-md border border-border bg-panel-2 px-2 py-2 text-sm'

function SyncBadge({ item }: { item: ResidentItem }) {
  const t = useTranslations('residents.sync')
  const { pending, synced, failed } = item.sync
  if (failed > 0) return <Badge tone="danger">{t('failed', { count: failed })}</Badge>
  if (pending > 0) return <Badge tone="warn">{t('pending', { count: pending })}</Badge>
  if (synced > 0) return <Badge tone="ok">{t('inSync')}</Badge>
  return <span className="text-muted">{t('noDoors')}</span>
}

export function ResidentList({ canWrite, initialUnitId = '' }: { canWrite: boolean; initialUnitId?: string }) {
  const t = useTranslations('residents')
  const [q, setQ] = useState('')
  const [unitId, setUnitId] = useState(initialUnitId)
  const [status, setStatus] = useState<ResidentStatus | ''>('')
  const [panel, setPanel] = useState<'new' | 'import' | null>(null)
  const residents = useResidents({ q, unitId, status: status || undefined })
  const units = useUnits()
  const filtered = Boolean(q || unitId || status)

  return (
    <div className="space-y-6">
      {canWrite && (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setPanel(panel === 'new' ? null : 'new')}>
            <UserPlus size={16} /> {t('new')}
          </Button>
          <Button variant="secondary" onClick={() => setPanel(panel === 'import' ? null : 'import')}>
            <Upload size={16} /> {t('importCsv')}
          </Button>
        </div>
      )}
      {canWrite && panel === 'new' && <NewResidentForm onClose={() => setPanel(null)} />}
      {canWrite && panel === 'import' && <ImportPanel onClose={() => setPanel(null)} />}
      <ListPage
        source={residents}
        filters={
          <div className="flex flex-wrap items-center gap-2">
            <input
              type="search"
              aria-label={t('search')}
              placeholder={t('searchPlaceholder')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              className="w-full max-w-sm rounded-md border border-border bg-panel-2 px-3 py-2 text-sm"
            />
            <select
              aria-label={t('unitFilter')}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              className={selectClass}
            >
              <option value="">{t('allUnits')}</option>
              {units.rows.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.building} / {u.label}
                </option>
              ))}
            </select>
            <select
              aria-label={t('statusFilter')}
              value={status}
              onChange={(e) => setStatus(STATUSES.find((s) => s === e.target.value) ?? '')}
              className={selectClass}
            >
              <option value="">{t('currentStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
        }
        empty={
          <EmptyState title={filtered ? t('noMatch') : t('emptyTitle')} icon={<Users />}>
            {t('emptyBody')}
          </EmptyState>
        }
      >
        {(rows) => (
          <DataTable
            testId="resident-table"
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'name',
                header: t('columns.name'),
                cell: (r) => (
                  <Link href={`/residents/${encodeURIComponent(r.id)}`} className="font-medium hover:underline">
                    {r.name}
                  </Link>
                ),
              },
              { key: 'unit', header: t('columns.unit'), cell: (r) => unitLabelOf(r) },
              { key: 'kind', header: t('columns.kind'), cell: (r) => t(`kinds.${r.kind}`) },
              {
                key: 'cred',
                header: t('columns.credentials'),
                cell: (r) => (
                  <span className="flex flex-wrap gap-1">
                    {r.credentials.face > 0 && <Badge>{t('credentials.face')}</Badge>}
                    {r.credentials.card > 0 && <Badge>{t('credentials.card', { count: r.credentials.card })}</Badge>}
                    {r.credentials.pin > 0 && <Badge>{t('credentials.pin')}</Badge>}
                  </span>
                ),
              },
              { key: 'sync', header: t('columns.onDevices'), cell: (r) => <SyncBadge item={r} /> },
              {
                key: 'status',
                header: t('columns.status'),
                cell: (r) => <Badge tone={STATUS_TONES[r.status]}>{t(`statuses.${r.status}`)}</Badge>,
              },
            ]}
          />
        )}
      </ListPage>
    </div>
  )
}
