'use client'
// A credential's own validity window (face, card or PIN): optional from/until in local time, sent as ISO UTC.
// Not bound by the resident's window, but the admin is warned when it reaches outside it.
import { useTranslations } from 'next-intl'
import { useId } from 'react'

export type Validity = { validFrom: string; validTo: string }
export type ResidentWindow = { validFrom: string | null; validUntil: string | null }

export const NO_VALIDITY: Validity = { validFrom: '', validTo: '' }

/** `datetime-local` value → ISO UTC, or null when empty. */
export const toIso = (local: string) => (local ? new Date(local).toISOString() : null)

type ValidityWarning = 'startsBefore' | 'endsAfter' | 'openEnded'

/** Problems with the window, and warnings about the resident's (as catalogue keys). */
export function validityNotes(value: Validity, resident: ResidentWindow | undefined) {
  const from = toIso(value.validFrom)
  const to = toIso(value.validTo)
  const error = from && to && from >= to ? ('order' as const) : null
  const warnings: ValidityWarning[] = []
  if (resident?.validFrom && from && from < resident.validFrom) warnings.push('startsBefore')
  if (resident?.validUntil && (!to || to > resident.validUntil)) warnings.push(to ? 'endsAfter' : 'openEnded')
  return { error, warnings, from, to }
}

export function ValidityFields({
  value,
  onChange,
  resident,
}: {
  value: Validity
  onChange(value: Validity): void
  resident: ResidentWindow | undefined
}) {
  const t = useTranslations('credentials.validity')
  const id = useId()
  const notes = validityNotes(value, resident)
  const input = 'rounded-md border border-border bg-panel-2 px-2 py-1 text-sm'
  return (
    <fieldset className="space-y-1">
      <legend className="sr-only">{t('legend')}</legend>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={`${id}-from`}>{t('from')}</label>
        <input
          id={`${id}-from`}
          type="datetime-local"
          className={input}
          value={value.validFrom}
          onChange={(e) => onChange({ ...value, validFrom: e.target.value })}
        />
        <label htmlFor={`${id}-to`}>{t('until')}</label>
        <input
          id={`${id}-to`}
          type="datetime-local"
          className={input}
          value={value.validTo}
          onChange={(e) => onChange({ ...value, validTo: e.target.value })}
        />
      </div>
      {notes.error && (
        <p role="alert" className="text-xs text-danger">
          {t(notes.error)}
        </p>
      )}
      {notes.warnings.map((w) => (
        <p key={w} className="text-xs text-warn">
          {t(w)}
        </p>
      ))}
    </fieldset>
  )
}
