'use client'

// The fields of a resident record, shared by "New resident" and the resident page's editor. The draft holds what
// the admin types (strings); the server validates it and says what is wrong.
import { useTranslations } from 'next-intl'
import { useId, type ChangeEvent, type ReactNode } from 'react'
import { useUnits } from '@/components/data/unit-queries'
import { FieldMessages, fieldA11y } from '@/components/ui/field-message'
import { dayOf, KINDS } from '@/components/residents/resident-labels'
import type { ResidentKind } from '@/lib/domain/enums'
import type { ResidentItem } from '@/lib/residents/schema'

export type ResidentDraft = {
  name: string
  unitId: string
  kind: ResidentKind
  phone: string
  email: string
  validFrom: string
  validUntil: string
  notes: string
}

export const EMPTY_DRAFT: ResidentDraft = {
  name: '',
  unitId: '',
  kind: 'owner',
  phone: '',
  email: '',
  validFrom: '',
  validUntil: '',
  notes: '',
}

export function draftOf(item: ResidentItem): ResidentDraft {
  return {
    name: item.name,
    unitId: item.unitId ?? '',
    kind: item.kind,
    phone: item.phone ?? '',
    email: item.email ?? '',
    validFrom: dayOf(item.validFrom),
    validUntil: dayOf(item.validUntil),
    notes: item.notes ?? '',
  }
}

/** The fields the admin changed: an edit sends only those, so it never rewrites what it did not touch. */
export function changedFields(from: ResidentDraft, to: ResidentDraft): Partial<ResidentDraft> {
  return Object.fromEntries(
    (Object.keys(to) as (keyof ResidentDraft)[]).filter((k) => from[k] !== to[k]).map((k) => [k, to[k]]),
  )
}

const inputClass =
  'w-full rounded-md border border-border bg-panel-2 px-3 py-2 text-sm text-text placeholder:text-muted focus:border-accent aria-[invalid=true]:border-danger'

/** The request's field names this form shows (the server's refusals of them are shown beside each). */
export const RESIDENT_FIELD_PATHS = ['name', 'unitId', 'kind', 'phone', 'email', 'validFrom', 'validUntil', 'notes']

type FieldProps = { id: string } & ReturnType<typeof fieldA11y>

function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string
  hint?: string
  error?: string
  children: (props: FieldProps) => ReactNode
}) {
  const id = useId()
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, ...fieldA11y(id, hint, error) })}
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  )
}

export function ResidentFields({
  draft,
  onChange,
  fallbackUnit,
  fieldError = () => undefined,
}: {
  draft: ResidentDraft
  onChange: (draft: ResidentDraft) => void
  /** How to name the draft's unit before the unit list has loaded. */
  fallbackUnit?: string
  /** Why the server refused a field (useFormError). */
  fieldError?: (path: string) => string | undefined
}) {
  const t = useTranslations('residents')
  const units = useUnits()
  const set =
    (key: keyof ResidentDraft) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      onChange({ ...draft, [key]: event.target.value })
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={t('fields.name')} error={fieldError('name')}>
        {(field) => (
          <input {...field} value={draft.name} onChange={set('name')} required maxLength={100} className={inputClass} />
        )}
      </Field>
      <Field label={t('fields.unit')} error={fieldError('unitId')}>
        {(field) => (
          <select {...field} value={draft.unitId} onChange={set('unitId')} className={inputClass}>
            <option value="">{t('fields.noUnit')}</option>
            {draft.unitId && !units.rows.some((u) => u.id === draft.unitId) && (
              // Until the units have loaded: the stored unit stays chosen.
              <option value={draft.unitId}>{fallbackUnit ?? t('fields.currentUnit')}</option>
            )}
            {units.rows.map((u) => (
              <option key={u.id} value={u.id}>
                {u.building} / {u.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('fields.kind')} error={fieldError('kind')}>
        {(field) => (
          <select {...field} value={draft.kind} onChange={set('kind')} className={inputClass}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('fields.phone')} hint={t('fields.phoneHint')} error={fieldError('phone')}>
        {(field) => <input {...field} type="tel" value={draft.phone} onChange={set('phone')} className={inputClass} />}
      </Field>
      <Field label={t('fields.email')} error={fieldError('email')}>
        {(field) => (
          <input {...field} type="email" value={draft.email} onChange={set('email')} className={inputClass} />
        )}
      </Field>
      <div className="grid gap-3 min-[400px]:grid-cols-2">
        <Field label={t('fields.validFrom')} error={fieldError('validFrom')}>
          {(field) => (
            <input {...field} type="date" value={draft.validFrom} onChange={set('validFrom')} className={inputClass} />
          )}
        </Field>
        <Field label={t('fields.validUntil')} hint={t('fields.validUntilHint')} error={fieldError('validUntil')}>
          {(field) => (
            <input
              {...field}
              type="date"
              value={draft.validUntil}
              onChange={set('validUntil')}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label={t('fields.notes')} error={fieldError('notes')}>
          {(field) => (
            <textarea
              {...field}
              value={draft.notes}
              onChange={set('notes')}
              rows={2}
              maxLength={1000}
              className={inputClass}
            />
          )}
        </Field>
      </div>
    </div>
  )
}
