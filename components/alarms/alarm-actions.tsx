'use client'

// Acknowledge / assign / comment / resolve one alarm. Assign, comment and resolve open a small form in place;
// resolving a high or critical alarm asks for a note (the server refuses without one too). The updated alarm
// comes back through the live stream to every console. When Acknowledge disappears under the guard's keyboard,
// focus moves to the next action of the same alarm instead of falling to the page.
import { Check, CheckCheck, MessageSquare, UserPlus } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useAlarmAssignees, useHandleAlarm } from '@/components/data/alarm-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Button } from '@/components/ui/button'
import { resolveNeedsNote } from '@/lib/alarms/alarm-policy'
import type { AlarmAction, AlarmActionInput, AlarmItem } from '@/lib/alarms/schema'

type FormAction = Exclude<AlarmAction, 'acknowledge'>
const SMALL = 'px-2 py-1 text-xs'

export function AlarmActions({ alarm }: { alarm: AlarmItem }) {
  const t = useTranslations('alarmActions')
  const errorMessage = useErrorMessage()
  const [error, setError] = useState<string | null>(null)
  const [form, setForm] = useState<FormAction | null>(null)
  const handle = useHandleAlarm(alarm.id)
  const buttons = useRef<HTMLDivElement>(null)
  const keepFocus = useRef(false)
  useEffect(() => {
    if (alarm.state === 'open' || !keepFocus.current) return
    keepFocus.current = false
    const lost = !document.activeElement || document.activeElement === document.body
    if (lost) buttons.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus()
  }, [alarm.state])
  const act = (action: AlarmAction, input: AlarmActionInput = {}) =>
    handle.mutate(
      { action, input },
      {
        onError: (e) => setError(errorMessage(e)),
        // Close the form this action came from only: another may have been opened while it was on its way.
        onSuccess: () => (setError(null), setForm((open) => (open === action ? null : open))),
      },
    )
  if (alarm.state === 'resolved') return null
  const toggle = (action: FormAction) => (setError(null), setForm(form === action ? null : action))
  const acknowledge = () => {
    keepFocus.current = buttons.current?.contains(document.activeElement) ?? false
    act('acknowledge')
  }
  return (
    <div className="mt-2 space-y-2">
      <div ref={buttons} className="flex flex-wrap items-center gap-2">
        {alarm.state === 'open' && (
          <Button className={SMALL} onClick={acknowledge} disabled={handle.isPending}>
            <Check size={14} aria-hidden /> {t('acknowledge')}
          </Button>
        )}
        <Button
          variant="secondary"
          className={SMALL}
          onClick={() => toggle('assign')}
          aria-expanded={form === 'assign'}
        >
          <UserPlus size={14} aria-hidden /> {t('assign')}
        </Button>
        <Button
          variant="secondary"
          className={SMALL}
          onClick={() => toggle('comment')}
          aria-expanded={form === 'comment'}
        >
          <MessageSquare size={14} aria-hidden /> {t('comment')}
        </Button>
        <Button
          variant="secondary"
          className={SMALL}
          onClick={() => toggle('resolve')}
          aria-expanded={form === 'resolve'}
        >
          <CheckCheck size={14} aria-hidden /> {t('resolve')}
        </Button>
      </div>
      {form === 'assign' && <AssignForm pending={handle.isPending} onSubmit={(input) => act('assign', input)} />}
      {form === 'comment' && (
        <NoteForm
          label={t('comment')}
          submitLabel={t('addComment')}
          required
          pending={handle.isPending}
          onSubmit={(note) => act('comment', { note })}
        />
      )}
      {form === 'resolve' && (
        <NoteForm
          label={
            resolveNeedsNote(alarm.priority)
              ? t('resolutionNoteRequired', { priority: alarm.priority })
              : t('resolutionNote')
          }
          submitLabel={t('resolveAlarm')}
          required={resolveNeedsNote(alarm.priority)}
          pending={handle.isPending}
          onSubmit={(note) => act('resolve', note ? { note } : {})}
        />
      )}
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  )
}

function NoteForm({
  label,
  submitLabel,
  required,
  pending,
  onSubmit,
}: {
  label: string
  submitLabel: string
  required: boolean
  pending: boolean
  onSubmit(note: string): void
}) {
  const id = useId()
  const [note, setNote] = useState('')
  const blank = note.trim() === ''
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (required && blank) return
    onSubmit(note.trim())
  }
  return (
    <form onSubmit={submit} className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <textarea
        id={id}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
        rows={2}
        required={required}
        autoFocus
        className="w-full rounded-md border border-border bg-panel-2 px-2 py-1 text-sm text-text focus:border-accent"
      />
      <Button type="submit" className={SMALL} disabled={pending || (required && blank)}>
        {submitLabel}
      </Button>
    </form>
  )
}

function AssignForm({ pending, onSubmit }: { pending: boolean; onSubmit(input: AlarmActionInput): void }) {
  const t = useTranslations('alarmActions')
  const roles = useTranslations('roles')
  const id = useId()
  const assignees = useAlarmAssignees(true)
  const [userId, setUserId] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(userId ? { userId } : {})
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="space-y-1">
        <label htmlFor={id} className="block text-xs font-medium">
          {t('assignTo')}
        </label>
        <select
          id={id}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          className="rounded-md border border-border bg-panel-2 px-2 py-1 text-sm text-text"
        >
          <option value="">{t('me')}</option>
          {(assignees.data?.items ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {t('assignee', { name: user.name, role: roles(user.role) })}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" className={SMALL} disabled={pending}>
        {t('assign')}
      </Button>
      {assignees.isError && <span className="text-xs text-danger">{t('assigneesFailed')}</span>}
    </form>
  )
}
