'use client'

// Typeahead for the access filters: type part of a name, pick the resident (GET /api/residents?q). The filter is
// the resident's id; the name travels beside it in the URL only to show who is selected.
import { X } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useEffect, useId, useState } from 'react'
import { useResidentMatches } from '@/components/data/access-queries'

export type PickedResident = { id: string; name: string }

export function ResidentPicker({
  value,
  onChange,
}: {
  value: PickedResident | null
  onChange: (resident: PickedResident | null) => void
}) {
  const t = useTranslations('accessView')
  const id = useId()
  const [text, setText] = useState('')
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 200)
    return () => clearTimeout(timer)
  }, [text])
  const matches = useResidentMatches(query)
  const options = matches.data?.items ?? []

  if (value) {
    return (
      <div className="space-y-1 text-sm">
        <span className="block font-medium">{t('resident')}</span>
        <span className="flex items-center justify-between gap-2 rounded-md border border-border bg-panel-2 px-2 py-2">
          <span data-testid="picked-resident">{value.name}</span>
          <button type="button" aria-label={t('anyResident')} onClick={() => onChange(null)} className="text-muted">
            <X size={14} aria-hidden />
          </button>
        </span>
      </div>
    )
  }
  return (
    <div className="relative space-y-1 text-sm">
      <label htmlFor={id} className="block font-medium">
        {t('resident')}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        placeholder={t('residentSearch')}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        className="w-full rounded-md border border-border bg-panel-2 px-2 py-2 text-sm"
      />
      {open && query && (
        <ul
          id={`${id}-list`}
          role="listbox"
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-border bg-panel shadow-lg"
        >
          {options.map((r) => (
            <li
              key={r.id}
              role="option"
              aria-selected={false}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                onChange({ id: r.id, name: r.name })
                setText('')
                setOpen(false)
              }}
              className="cursor-pointer px-3 py-2 hover:bg-panel-2"
            >
              {r.name}
              {r.unit && <span className="ml-2 text-xs text-muted">{r.unit}</span>}
            </li>
          ))}
          {matches.isSuccess && options.length === 0 && (
            <li className="px-3 py-2 text-muted">{t('noResidentMatch')}</li>
          )}
        </ul>
      )}
    </div>
  )
}
