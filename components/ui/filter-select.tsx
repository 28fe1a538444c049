'use client'

// A labelled filter drop-down whose empty choice means "any" (worded by the caller, e.g. "All"), shared by the
// access log's and the alarms page's filters.
export const filterFieldClass = 'w-full rounded-md border border-border bg-panel-2 px-2 py-2 text-sm'

export function FilterSelect({
  label,
  allLabel,
  value,
  onChange,
  options,
}: {
  label: string
  /** The text of the empty choice (no filter). */
  allLabel: string
  value: string
  onChange: (value: string) => void
  /** [value, text] pairs. */
  options: [string, string][]
}) {
  return (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className={filterFieldClass}>
        <option value="">{allLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}
