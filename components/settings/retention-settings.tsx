'use client'

// How long each kind of history is kept, and what the next purge would remove. Admins change the windows;
// managers see them. The purge runs on its own (hourly, one instance at a time) and is audited.
import { useFormatter, useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import { useRetentionSettings, useUpdateRetentionSettings } from '@/components/data/settings-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { useFormError } from '@/components/i18n/use-form-error'
import { Button } from '@/components/ui/button'
import { useFormatTime } from '@/components/ui/format-time'
import { RETENTION_CLASSES, RETENTION_LIMITS, type RetentionClass } from '@/lib/settings/retention-classes'

export function RetentionSettings({ canWrite, timeZone }: { canWrite: boolean; timeZone: string }) {
  const t = useTranslations('settings')
  const format = useFormatTime()
  const numbers = useFormatter()
  const errorMessage = useErrorMessage()
  const refusal = useFormError(RETENTION_CLASSES.map((c) => `days.${c}`))
  const settings = useRetentionSettings()
  const update = useUpdateRetentionSettings()
  const [draft, setDraft] = useState<Record<RetentionClass, string> | null>(null)
  useEffect(() => {
    if (settings.data)
      setDraft(
        Object.fromEntries(RETENTION_CLASSES.map((c) => [c, String(settings.data.days[c])])) as Record<
          RetentionClass,
          string
        >,
      )
  }, [settings.data])
  if (settings.status === 'pending' || !draft) return <p role="status">{t('loading')}</p>
  if (settings.status === 'error') return <p role="alert">{errorMessage(settings.error)}</p>
  const { days, defaults, nextPurge, lastPurge } = settings.data
  return (
    <section aria-label={t('retentionTitle')} className="space-y-3 rounded-xl border border-border bg-panel p-4">
      <h2 className="font-semibold">{t('retentionTitle')}</h2>
      <p className="text-sm text-muted">
        {t('retentionLead')} {lastPurge ? t('lastPurge', { time: format(lastPurge.at), zone: timeZone }) : t('noPurge')}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          update.mutate(
            { days: Object.fromEntries(RETENTION_CLASSES.map((c) => [c, Number(draft[c])])) },
            { onSuccess: () => refusal.setError(null), onError: refusal.setError },
          )
        }}
      >
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="retention-table">
            <thead className="text-xs uppercase tracking-wide text-muted">
              <tr>
                <th className="py-2">{t('history')}</th>
                <th className="py-2">{t('keepDays')}</th>
                <th className="py-2">{t('default')}</th>
                <th className="py-2">{t('nextPurge')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {RETENTION_CLASSES.map((c) => (
                <tr key={c}>
                  <td className="py-2 pr-3">{t(`classes.${c}`)}</td>
                  <td className="py-2 pr-3">
                    <input
                      type="number"
                      aria-label={t('daysFor', { class: t(`classes.${c}`) })}
                      min={RETENTION_LIMITS[c].min}
                      max={RETENTION_LIMITS[c].max}
                      step={1}
                      disabled={!canWrite}
                      value={draft[c]}
                      onChange={(e) => setDraft({ ...draft, [c]: e.target.value })}
                      aria-invalid={refusal.fieldError(`days.${c}`) ? true : undefined}
                      aria-describedby={refusal.fieldError(`days.${c}`) ? `retention-${c}-error` : undefined}
                      className="w-24 rounded-md border border-border bg-panel-2 px-2 py-1 aria-[invalid=true]:border-danger"
                    />
                    {refusal.fieldError(`days.${c}`) && (
                      <p id={`retention-${c}-error`} className="text-xs text-danger" data-testid="field-error">
                        {refusal.fieldError(`days.${c}`)}
                      </p>
                    )}
                  </td>
                  <td className="py-2 pr-3 text-muted">{defaults[c]}</td>
                  <td className="py-2" data-testid={`purge-${c}`}>
                    {numbers.number(nextPurge[c])}
                    {days[c] !== Number(draft[c]) && <span className="text-muted"> {t('recounted')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canWrite && (
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={update.isPending}>
              {t('retentionSave')}
            </Button>
            {refusal.message && (
              <span role="alert" className="text-sm text-danger">
                {refusal.message}
              </span>
            )}
            {update.isSuccess && <span role="status">{t('saved')}</span>}
          </div>
        )}
      </form>
    </section>
  )
}
