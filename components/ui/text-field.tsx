import { useId, type InputHTMLAttributes } from 'react'
import { FieldMessages, fieldA11y } from '@/components/ui/field-message'

export function TextField({
  label,
  hint,
  error,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string }) {
  const id = useId()
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        className="w-full rounded-md border border-border bg-panel-2 px-3 py-2 text-sm text-text placeholder:text-muted focus:border-accent aria-[invalid=true]:border-danger"
        {...fieldA11y(id, hint, error)}
        {...props}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  )
}
