'use client'

// Units by building, with how many residents live in each (a link to them); admins add units here. A building
// name not seen before adds the building.
import { Building2 } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { useCreateUnit, useUnits } from '@/components/data/unit-queries'
import { useFormError } from '@/components/i18n/use-form-error'
import { Button } from '@/components/ui/button'
import { DataTable } from '@/components/ui/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { ListPage } from '@/components/ui/list-page'
import { TextField } from '@/components/ui/text-field'

function NewUnitForm() {
  const t = useTranslations('units')
  const refusal = useFormError(['building', 'label', 'floor'])
  const units = useUnits()
  const create = useCreateUnit()
  const [added, setAdded] = useState<string | null>(null)
  const buildings = [...new Set(units.rows.map((u) => u.building))]

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const field = (name: string) => String(new FormData(form).get(name) ?? '')
    refusal.setError(null)
    setAdded(null)
    try {
      const unit = await create.mutateAsync({
        building: field('building'),
        label: field('label'),
        floor: field('floor'),
      })
      setAdded(t('added', { unit: `${unit.building} / ${unit.label}` }))
      form.reset()
    } catch (e) {
      refusal.setError(e)
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label={t('form')}
      className="grid gap-3 rounded-xl border border-border bg-panel p-4 sm:grid-cols-4"
    >
      <TextField
        label={t('building')}
        name="building"
        list="known-buildings"
        required
        maxLength={100}
        error={refusal.fieldError('building')}
      />
      <datalist id="known-buildings">
        {buildings.map((b) => (
          <option key={b} value={b} />
        ))}
      </datalist>
      <TextField
        label={t('label')}
        name="label"
        required
        maxLength={40}
        placeholder={t('labelPlaceholder')}
        error={refusal.fieldError('label')}
      />
      <TextField label={t('floor')} name="floor" maxLength={20} error={refusal.fieldError('floor')} />
      <div className="flex items-end">
        <Button type="submit" disabled={create.isPending}>
          {t('add')}
        </Button>
      </div>
      {refusal.message && (
        <p role="alert" className="text-sm text-danger sm:col-span-4">
          {refusal.message}
        </p>
      )}
      {added && (
        <p role="status" className="text-sm text-ok sm:col-span-4">
          {added}
        </p>
      )}
    </form>
  )
}

export function UnitsPanel({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('units')
  const units = useUnits()
  return (
    <div className="space-y-6">
      {canWrite && <NewUnitForm />}
      <ListPage
        source={units}
        empty={
          <EmptyState title={t('emptyTitle')} icon={<Building2 />}>
            {t('emptyBody')}
          </EmptyState>
        }
      >
        {(rows) => (
          <DataTable
            testId="unit-table"
            rows={rows}
            rowKey={(u) => u.id}
            columns={[
              { key: 'building', header: t('columns.building'), cell: (u) => u.building },
              { key: 'label', header: t('columns.unit'), cell: (u) => <span className="font-medium">{u.label}</span> },
              { key: 'floor', header: t('columns.floor'), cell: (u) => u.floor ?? '—' },
              {
                key: 'residents',
                header: t('columns.residents'),
                cell: (u) => (
                  <Link href={`/residents?unitId=${encodeURIComponent(u.id)}`} className="hover:underline">
                    {u.residents}
                  </Link>
                ),
              },
            ]}
          />
        )}
      </ListPage>
    </div>
  )
}
