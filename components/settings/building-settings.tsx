'use client'

// The building's time zone: every screen, CSV export and report shows local time in it (stored times stay UTC).
// Admins change it; managers see it.
import { useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import { useBuildingSettings, useUpdateBuildingSettings } from '@/components/data/settings-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'
import { useFormatTime } from '@/components/ui/format-time'
import { zoneLabel } from '@/lib/time/zoned-time'

/** The browser's zones, plus the stored one when the browser spells it differently (Asia/Kolkata vs Asia/Calcutta). */
function zoneNames(stored: string | undefined): string[] {
  const names = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]
  return stored && !names.includes(stored) ? [stored, ...names] : names
}

export function BuildingSettings({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('settings')
  const format = useFormatTime()
  const errorMessage = useErrorMessage()
  const settings = useBuildingSettings()
  const update = useUpdateBuildingSettings()
  const [zone, setZone] = useState('')
  useEffect(() => {
    if (settings.data) setZone(settings.data.timeZone)
  }, [settings.data])
  if (settings.status === 'pending') return <p role="status">{t('loading')}</p>
  if (settings.status === 'error') return <p role="alert">{errorMessage(settings.error)}</p>
  const current = settings.data.timeZone
  return (
    <section aria-label={t('zoneField')} className="space-y-3 rounded-xl border border-border bg-panel p-4">
      <h2 className="font-semibold">{t('zoneTitle')}</h2>
      <p className="text-sm text-muted">
        {t('zoneLead', { zone: zoneLabel(current), time: format(new Date().toISOString()) })}
      </p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault()
          update.mutate({ timeZone: zone })
        }}
      >
        <label className="min-w-0 max-w-full space-y-1 text-sm">
          <span className="block font-medium">{t('zoneField')}</span>
          <select
            value={zone}
            disabled={!canWrite}
            onChange={(e) => setZone(e.target.value)}
            className="w-full max-w-full rounded-md border border-border bg-panel-2 px-2 py-2 text-sm"
          >
            {zoneNames(current).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {canWrite && (
          <Button type="submit" disabled={zone === current || update.isPending}>
            {t('zoneSave')}
          </Button>
        )}
        {update.isSuccess && zone === current && <span role="status">{t('saved')}</span>}
        {update.isError && (
          <span role="alert" className="text-sm text-danger">
            {errorMessage(update.error)}
          </span>
        )}
      </form>
    </section>
  )
}
