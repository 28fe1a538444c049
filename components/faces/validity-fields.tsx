'use client'
// A credential's own validity window (face, card or PIN): optional from/until in local time, sent as ISO UTC.
// Not bound by the resident's window, but the admin is warned when it reaches outside it.
import { useId } from 'react'

export type Validity = { validFrom: string; validTo: string }
export type ResidentWindow = { validFrom: string | null; validUntil: string | null }

export const NO_VALIDITY: Validity = { validFrom: '', validTo: '' }

/** `datetime-local` value → ISO UTC, or null when empty. */
export const toIso = (local: string) => (local ? new Date(local).toISOString() : null)

/** Problems with the window, and warnings about the resident's, in plain words. */
export function validityNotes(value: Validity, resident: ResidentWindow | undefined) {
  const from = toIso(value.validFrom)
  const to = toIso(value.validTo)
  const error = from && to && from >= to ? '“Valid until” must be after “Valid from”.' : null
  const warnings: string[] = []
  if (resident?.validFrom && (!from || from < resident.validFrom)) {
    if (from) warnings.push('It starts before the resident’s own access starts.')
  }
  if (resident?.validUntil && (!to || to > resident.validUntil)) {
    warnings.push(
      to
        ? 'It ends after the resident’s own access ends.'
        : 'The resident’s own access ends; this credential does not.',
    )
  }
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
  const id = useId()
  const notes = validityNotes(value, resident)
  const input = 'rounded-md border border-border bg-panel-2 px-2 py-1 text-sm'
  return (
    <fieldset className="space-y-1">
      <legend className="sr-only">Validity</legend>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={`${id}-from`}>Valid from</label>
        <input
          id={`${id}-from`}
          type="datetime-local"
          className={input}
          value={value.validFrom}
          onChange={(e) => onChange({ ...value, validFrom: e.target.value })}
        />
        <label htmlFor={`${id}-to`}>until</label>
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
          {notes.error}
        </p>
      )}
      {notes.warnings.map((w) => (
        <p key={w} className="text-xs text-warn">
          {w}
        </p>
      ))}
    </fieldset>
  )
}
