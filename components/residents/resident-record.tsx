'use client'

// A resident's record on their page: read, or (admins) edited. An edit is based on the version shown when
// "Edit" was pressed; if someone else saved since, the server refuses it and the editor shows the record as it is
// now, with "Reload" to start again from it. Nothing the admin typed is overwritten silently.
import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { ResidentConflict, useUpdateResident } from '@/components/data/resident-queries'
import {
  changedFields,
  draftOf,
  RESIDENT_FIELD_PATHS,
  ResidentFields,
  type ResidentDraft,
} from '@/components/residents/resident-fields'
import { dayOf, unitLabelOf } from '@/components/residents/resident-labels'
import { useFormError } from '@/components/i18n/use-form-error'
import { Button } from '@/components/ui/button'
import { useFormatTime } from '@/components/ui/format-time'
import type { ResidentDetail, ResidentItem } from '@/lib/residents/schema'

function RecordFields({ item, testId }: { item: ResidentItem; testId?: string }) {
  const t = useTranslations('residents')
  const validity =
    !item.validFrom && !item.validUntil
      ? t('fields.validAlways')
      : `${dayOf(item.validFrom) || '…'} → ${dayOf(item.validUntil) || '…'}`
  const rows: [string, string][] = [
    [t('fields.name'), item.name],
    [t('fields.unit'), unitLabelOf(item)],
    [t('fields.kind'), t(`kinds.${item.kind}`)],
    [t('fields.status'), t(`statuses.${item.status}`)],
    [t('fields.phone'), item.phone ?? '—'],
    [t('fields.email'), item.email ?? '—'],
    [t('fields.valid'), validity],
    [t('fields.notes'), item.notes ?? '—'],
  ]
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="whitespace-pre-wrap break-words">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

type Editing = { base: ResidentDetail; draft: ResidentDraft }

export function ResidentRecord({ resident, canWrite }: { resident: ResidentDetail; canWrite: boolean }) {
  const t = useTranslations('residents.record')
  const formatTime = useFormatTime()
  const form = useFormError(RESIDENT_FIELD_PATHS)
  const update = useUpdateResident(resident.id)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [conflict, setConflict] = useState<ResidentDetail | null>(null)
  const editable = canWrite && (resident.status === 'active' || resident.status === 'suspended')

  const start = (base: ResidentDetail) => {
    setEditing({ base, draft: draftOf(base) })
    setConflict(null)
    form.setError(null)
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!editing) return
    const changes = changedFields(draftOf(editing.base), editing.draft)
    if (Object.keys(changes).length === 0) return setEditing(null)
    form.setError(null)
    try {
      await update.mutateAsync({ version: editing.base.version, ...changes })
      setEditing(null)
    } catch (e) {
      if (e instanceof ResidentConflict) setConflict(e.current)
      else form.setError(e)
    }
  }

  return (
    <section aria-label={t('title')} className="space-y-4 rounded-xl border border-border bg-panel p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('title')}</h2>
        {editable && !editing && (
          <Button variant="secondary" onClick={() => start(resident)}>
            {t('edit')}
          </Button>
        )}
      </div>
      {!editing && <RecordFields item={resident} />}
      {editing && (
        <form onSubmit={save} aria-label={t('form')} className="space-y-4">
          {conflict ? (
            <div role="alert" className="space-y-3 rounded-lg border border-danger/50 p-3">
              <p className="text-sm font-medium text-danger">
                {t('conflict', { current: conflict.version, base: editing.base.version })}
              </p>
              <RecordFields item={conflict} testId="conflict-current" />
              <p className="text-sm text-muted">{t('conflictHint')}</p>
              <Button type="button" onClick={() => start(conflict)}>
                {t('reload')}
              </Button>
            </div>
          ) : (
            resident.version !== editing.base.version && (
              <p role="status" className="text-sm text-warn">
                {t('changedMeanwhile')}
              </p>
            )
          )}
          <ResidentFields
            draft={editing.draft}
            onChange={(draft) => setEditing({ ...editing, draft })}
            fallbackUnit={unitLabelOf(editing.base)}
            fieldError={form.fieldError}
          />
          {form.message && (
            <p role="alert" className="text-sm text-danger">
              {form.message}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={update.isPending || conflict !== null}>
              {t('save')}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setEditing(null)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      )}
      <p className="text-xs text-muted">
        {t('meta', {
          externalId: resident.externalId,
          version: resident.version,
          created: formatTime(resident.createdAt),
          updated: formatTime(resident.updatedAt),
        })}
      </p>
    </section>
  )
}
