'use client'

// Minutes an unacknowledged alarm of each priority waits before it escalates. Admins change them; managers see
// them. The sweeper uses a saved change from its next run.
import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { useEscalationSettings, useSaveEscalationSettings } from '@/components/data/alarm-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'
import type { EscalationSettings } from '@/lib/alarms/schema'
import { ALARM_PRIORITIES, MAX_ESCALATION_MINUTES } from '@/lib/domain/vocabularies'

type Draft = Record<keyof EscalationSettings, string>

export function EscalationSettingsPanel({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('escalation')
  const errorMessage = useErrorMessage()
  const settings = useEscalationSettings()
  return (
    <section aria-label={t('title')} className="space-y-2 rounded-xl border border-border bg-panel p-4">
      <h2 className="text-sm font-semibold">{t('title')}</h2>
      <p className="text-xs text-muted">{t('lead')}</p>
      {settings.isError && (
        <p role="alert" className="text-xs text-danger">
          {errorMessage(settings.error)}
        </p>
      )}
      {settings.data && <EscalationForm saved={settings.data} canWrite={canWrite} />}
    </section>
  )
}

function EscalationForm({ saved, canWrite }: { saved: EscalationSettings; canWrite: boolean }) {
  const t = useTranslations('escalation')
  const priorities = useTranslations('alarmPriorities')
  const errorMessage = useErrorMessage()
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved))
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const save = useSaveEscalationSettings()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const values = {
      critical: Number(draft.critical),
      high: Number(draft.high),
      medium: Number(draft.medium),
      low: Number(draft.low),
    }
    save.mutate(values, {
      onSuccess: (result) => (setDraft(toDraft(result)), setMessage({ ok: true, text: t('saved') })),
      onError: (error) => setMessage({ ok: false, text: errorMessage(error) }),
    })
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
      {ALARM_PRIORITIES.map((priority) => (
        <label key={priority} className="space-y-1 text-sm">
          <span className="block font-medium">{t('minutes', { priority: priorities(priority) })}</span>
          <input
            type="number"
            step="any"
            max={MAX_ESCALATION_MINUTES}
            required
            readOnly={!canWrite}
            value={draft[priority]}
            onChange={(e) => setDraft({ ...draft, [priority]: e.target.value })}
            className="w-28 rounded-md border border-border bg-panel-2 px-2 py-1 text-sm read-only:opacity-70"
          />
        </label>
      ))}
      {canWrite && (
        <Button type="submit" className="px-3 py-1.5 text-xs" disabled={save.isPending}>
          {t('save')}
        </Button>
      )}
      {message && (
        <span role={message.ok ? 'status' : 'alert'} className={`text-xs ${message.ok ? 'text-ok' : 'text-danger'}`}>
          {message.text}
        </span>
      )}
    </form>
  )
}

function toDraft(settings: EscalationSettings): Draft {
  return {
    critical: String(settings.critical),
    high: String(settings.high),
    medium: String(settings.medium),
    low: String(settings.low),
  }
}
