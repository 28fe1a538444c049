'use client'
// The form that adds a card or sets a PIN: one code field, the credential's own validity window with its notes,
// and the server's refusal in the operator's language. The section supplies the field and what to send.
import { useState, type FormEvent, type ReactNode } from 'react'
import {
  NO_VALIDITY,
  ValidityFields,
  validityNotes,
  type ResidentWindow,
  type Validity,
} from '@/components/faces/validity-fields'
import { Button } from '@/components/ui/button'
import { useErrorMessage } from '@/components/i18n/use-error-message'

export type CredentialWindow = { validFrom: string | null; validTo: string | null }

export function CredentialForm({
  formLabel,
  fieldLabel,
  fieldId,
  field,
  hint,
  submitLabel,
  ready,
  pending,
  error,
  resident,
  onSubmit,
}: {
  formLabel: string
  fieldLabel: string
  fieldId: string
  /** The code input itself, with id={fieldId}. */
  field: ReactNode
  hint?: string
  submitLabel: string
  /** Whether the field holds something worth sending. */
  ready: boolean
  pending: boolean
  error: unknown
  resident: ResidentWindow | undefined
  /** Sends the credential; `clearWindow` empties the validity fields (after a success, if the section wants). */
  onSubmit(window: CredentialWindow, clearWindow: () => void): void
}) {
  const errorMessage = useErrorMessage()
  const [validity, setValidity] = useState<Validity>(NO_VALIDITY)
  const notes = validityNotes(validity, resident)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (notes.error) return
    onSubmit({ validFrom: notes.from, validTo: notes.to }, () => setValidity(NO_VALIDITY))
  }
  return (
    <form onSubmit={submit} className="space-y-2" aria-label={formLabel}>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={fieldId} className="text-sm">
          {fieldLabel}
        </label>
        {field}
        <Button type="submit" variant="secondary" disabled={!ready || pending || !!notes.error}>
          {submitLabel}
        </Button>
      </div>
      {hint && <p className="text-xs text-muted">{hint}</p>}
      <ValidityFields value={validity} onChange={setValidity} resident={resident} />
      {!!error && (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(error)}
        </p>
      )}
    </form>
  )
}
