'use client'

// "New resident": the record's fields; on success the admin lands on the new resident's page to grant doors and
// enrol credentials.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { useCreateResident } from '@/components/data/resident-queries'
import { useFormError } from '@/components/i18n/use-form-error'
import {
  EMPTY_DRAFT,
  RESIDENT_FIELD_PATHS,
  ResidentFields,
  type ResidentDraft,
} from '@/components/residents/resident-fields'
import { Button } from '@/components/ui/button'

export function NewResidentForm({ onClose }: { onClose: () => void }) {
  const t = useTranslations('residents.form')
  const form = useFormError(RESIDENT_FIELD_PATHS)
  const router = useRouter()
  const create = useCreateResident()
  const [draft, setDraft] = useState<ResidentDraft>(EMPTY_DRAFT)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    form.setError(null)
    try {
      const created = await create.mutateAsync({ ...draft, unitId: draft.unitId || null })
      router.push(`/residents/${encodeURIComponent(created.id)}`)
    } catch (e) {
      form.setError(e)
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label={t('title')}
      className="space-y-4 rounded-xl border border-border bg-panel p-4"
    >
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <ResidentFields draft={draft} onChange={setDraft} fieldError={form.fieldError} />
      {form.message && (
        <p role="alert" className="text-sm text-danger">
          {form.message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending}>
          {t('create')}
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  )
}
