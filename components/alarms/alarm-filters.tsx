'use client'

// The alarms page's filters as the operator sets them (local `datetime-local` times), and their API form.
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import type { DeviceItem } from '@/lib/devices/schema'
import { ALARM_PRIORITIES, ALARM_STATE_FILTERS, ALARM_TYPES } from '@/lib/domain/vocabularies'
import type { AlarmFilters } from '@/lib/http/api-paths'
import { FilterSelect } from '@/components/ui/filter-select'

export type AlarmFilterForm = {
  state: string
  priority: string
  type: string
  deviceId: string
  from: string
  to: string
}
export const DEFAULT_ALARM_FILTERS: AlarmFilterForm = {
  state: 'unresolved',
  priority: '',
  type: '',
  deviceId: '',
  from: '',
  to: '',
}

const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined => values.find((v) => v === value)

/** A `datetime-local` value is the operator's local time; the API takes UTC ISO-8601. */
function isoFromLocalInput(value: string): string | undefined {
  const time = value ? new Date(value) : null
  return time && !Number.isNaN(time.getTime()) ? time.toISOString() : undefined
}

export function apiAlarmFilters(form: AlarmFilterForm): AlarmFilters {
  return {
    state: oneOf(ALARM_STATE_FILTERS, form.state),
    priority: oneOf(ALARM_PRIORITIES, form.priority),
    type: oneOf(ALARM_TYPES, form.type),
    deviceId: form.deviceId || undefined,
    from: isoFromLocalInput(form.from),
    to: isoFromLocalInput(form.to),
  }
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

export function AlarmFilterBar({
  filters,
  onChange,
  devices,
}: {
  filters: AlarmFilterForm
  onChange: (filters: AlarmFilterForm) => void
  devices: DeviceItem[]
}) {
  const t = useTranslations('alarmFilters')
  const states = useTranslations('alarmStates')
  const priorities = useTranslations('alarmPriorities')
  const types = useTranslations('alarmTypes')
  const set = (key: keyof AlarmFilterForm) => (value: string) => onChange({ ...filters, [key]: value })
  return (
    <div className="grid gap-3 rounded-xl border border-border bg-panel p-4 sm:grid-cols-3 lg:grid-cols-7">
      <FilterSelect
        allLabel={t('all')}
        label={t('state')}
        value={filters.state}
        onChange={set('state')}
        options={ALARM_STATE_FILTERS.map((s) => [s, states(s)])}
      />
      <FilterSelect
        allLabel={t('all')}
        label={t('priority')}
        value={filters.priority}
        onChange={set('priority')}
        options={ALARM_PRIORITIES.map((p) => [p, priorities(p)])}
      />
      <FilterSelect
        allLabel={t('all')}
        label={t('type')}
        value={filters.type}
        onChange={set('type')}
        options={ALARM_TYPES.map((type) => [type, types(type)])}
      />
      <FilterSelect
        allLabel={t('all')}
        label={t('device')}
        value={filters.deviceId}
        onChange={set('deviceId')}
        options={devices.map((d) => [d.id, d.name])}
      />
      <TimeInput label={t('from')} value={filters.from} onChange={set('from')} />
      <TimeInput label={t('to')} value={filters.to} onChange={set('to')} />
      <div className="flex items-end">
        <Button variant="ghost" onClick={() => onChange({ ...DEFAULT_ALARM_FILTERS, state: '' })}>
          {t('clear')}
        </Button>
      </div>
    </div>
  )
}
