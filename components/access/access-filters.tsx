'use client'

// The access log's filters, as the guard types them (local `datetime-local` times); the log turns them into the
// API's filters.
import { METHOD_LABELS, RESULT_LABELS } from '@/components/access/access-labels'
import { Button } from '@/components/ui/button'
import type { DeviceItem } from '@/lib/devices/schema'
import type { ReactNode } from 'react'

export type AccessFilterForm = { method: string; result: string; deviceId: string; from: string; to: string }
export const NO_ACCESS_FILTERS: AccessFilterForm = { method: '', result: '', deviceId: '', from: '', to: '' }

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  options: [string, string][]
}) {
  return (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-full rounded-md border border-border bg-panel-2 px-2 py-2 text-sm"
      >
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  )
}

function TimeInput({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      <input
        type="datetime-local"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-full rounded-md border border-border bg-panel-2 px-2 py-2 text-sm"
      />
    </label>
  )
}

export function AccessFilters({
  filters,
  onChange,
  devices,
  actions,
}: {
  filters: AccessFilterForm
  onChange: (filters: AccessFilterForm) => void
  devices: DeviceItem[]
  /** Shown after "Clear" (the CSV export link). */
  actions?: ReactNode
}) {
  const set = (key: keyof AccessFilterForm) => (value: string) => onChange({ ...filters, [key]: value })
  return (
    <div className="grid gap-3 rounded-xl border border-border bg-panel p-4 sm:grid-cols-3 lg:grid-cols-6">
      <TimeInput label="From" value={filters.from} onChange={set('from')} />
      <TimeInput label="To" value={filters.to} onChange={set('to')} />
      <Select label="Method" value={filters.method} onChange={set('method')} options={Object.entries(METHOD_LABELS)} />
      <Select label="Result" value={filters.result} onChange={set('result')} options={Object.entries(RESULT_LABELS)} />
      <Select
        label="Door"
        value={filters.deviceId}
        onChange={set('deviceId')}
        options={devices.map((d) => [d.id, d.name])}
      />
      <div className="flex items-end gap-2">
        <Button variant="ghost" onClick={() => onChange(NO_ACCESS_FILTERS)}>
          Clear
        </Button>
        {actions}
      </div>
    </div>
  )
}
