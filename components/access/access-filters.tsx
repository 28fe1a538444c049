'use client'

// The access filters as a manager sets them: a quick range (today, last 24 h, 7 days) or custom bounds typed in the
// building's local time, method, result, door, resident (typeahead) and unit. The values live in the URL
// (access-url-filters.ts); this bar only reads and proposes them. Shared by the access log and the reports.
import { useTranslations } from 'next-intl'
import { useEffect, useState, type ReactNode } from 'react'
import { NO_ACCESS_URL_FILTERS, type AccessUrlFilters, type RangeChoice } from '@/components/access/access-url-filters'
import { useMethodLabel, useResultLabel } from '@/components/access/access-words'
import { ResidentPicker } from '@/components/access/resident-picker'
import { Button } from '@/components/ui/button'
import { ACCESS_METHODS, ACCESS_RESULTS } from '@/lib/access/access-constants'
import type { DeviceItem } from '@/lib/devices/schema'
import { FilterSelect, filterFieldClass } from '@/components/ui/filter-select'

/** The quick ranges in the order offered; each is named by `accessLog.ranges.<choice or "all">`. */
const RANGES: RangeChoice[] = ['', 'today', '24h', '7d', 'custom']

/** A text filter applied when the manager leaves the field or presses Enter (one history entry, not one per key). */
function UnitInput({ value, onCommit }: { value: string; onCommit: (v: string) => void }) {
  const t = useTranslations('accessLog')
  const [text, setText] = useState(value)
  useEffect(() => setText(value), [value])
  return (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{t('unit')}</span>
      <input
        value={text}
        placeholder={t('unitPlaceholder')}
        maxLength={60}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => onCommit(text.trim())}
        onKeyDown={(e) => e.key === 'Enter' && onCommit(text.trim())}
        className={filterFieldClass}
      />
    </label>
  )
}

export function AccessFilters({
  filters,
  onChange,
  devices,
  timeZoneLabel,
  actions,
}: {
  filters: AccessUrlFilters
  onChange: (filters: AccessUrlFilters) => void
  devices: DeviceItem[]
  /** Names the zone custom times are typed in. */
  timeZoneLabel: string
  /** Shown after "Clear" (the CSV export link). */
  actions?: ReactNode
}) {
  const t = useTranslations('accessLog')
  const methodLabel = useMethodLabel()
  const resultLabel = useResultLabel()
  const set = (key: keyof AccessUrlFilters) => (value: string) => onChange({ ...filters, [key]: value })
  return (
    <div className="space-y-3 rounded-xl border border-border bg-panel p-4 print:hidden">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t('rangeGroup')}>
        {RANGES.map((range) => (
          <Button
            key={range || 'all'}
            variant={filters.range === range ? 'primary' : 'secondary'}
            aria-pressed={filters.range === range}
            className="px-3 py-1.5"
            onClick={() => onChange({ ...filters, range })}
          >
            {t(`ranges.${range || 'all'}`)}
          </Button>
        ))}
        <span className="text-xs text-muted">{t('timesIn', { zone: timeZoneLabel })}</span>
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {filters.range === 'custom' && (
          <>
            <label className="space-y-1 text-sm">
              <span className="block font-medium">{t('from')}</span>
              <input
                type="datetime-local"
                value={filters.from}
                onChange={(e) => set('from')(e.target.value)}
                className={filterFieldClass}
              />
            </label>
            <label className="space-y-1 text-sm">
              <span className="block font-medium">{t('to')}</span>
              <input
                type="datetime-local"
                value={filters.to}
                onChange={(e) => set('to')(e.target.value)}
                className={filterFieldClass}
              />
            </label>
          </>
        )}
        <FilterSelect
          allLabel={t('all')}
          label={t('method')}
          value={filters.method}
          onChange={set('method')}
          options={ACCESS_METHODS.map((m) => [m, methodLabel(m)])}
        />
        <FilterSelect
          allLabel={t('all')}
          label={t('result')}
          value={filters.result}
          onChange={set('result')}
          options={ACCESS_RESULTS.map((r) => [r, resultLabel(r)])}
        />
        <FilterSelect
          allLabel={t('all')}
          label={t('door')}
          value={filters.deviceId}
          onChange={set('deviceId')}
          options={devices.map((d) => [d.id, d.name])}
        />
        <ResidentPicker
          value={
            filters.residentId ? { id: filters.residentId, name: filters.resident || t('selectedResident') } : null
          }
          onChange={(r) => onChange({ ...filters, residentId: r?.id ?? '', resident: r?.name ?? '' })}
        />
        <UnitInput value={filters.unit} onCommit={set('unit')} />
        <div className="flex flex-wrap items-end gap-2">
          <Button variant="ghost" onClick={() => onChange(NO_ACCESS_URL_FILTERS)}>
            {t('clear')}
          </Button>
          {actions}
        </div>
      </div>
    </div>
  )
}
