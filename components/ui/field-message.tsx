// What a form field says under itself: its hint, and the reason the server refused it. The input names both with
// aria-describedby and is marked aria-invalid while refused (fieldA11y).

/** The attributes an input takes to be described by its hint and error. */
export function fieldA11y(id: string, hint?: string, error?: string) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return { 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined }
}

export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-danger" data-testid="field-error">
          {error}
        </p>
      )}
    </>
  )
}
