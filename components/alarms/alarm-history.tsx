'use client'

// One alarm's whole history (AlarmNote rows: who, when, what kind, what they wrote), opened in place under the
// alarm; fetched only when opened, and refetched live while open.
import { ChevronDown, ChevronRight } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useAlarmDetail } from '@/components/data/alarm-queries'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { useFormatTime } from '@/components/ui/format-time'

export function AlarmHistory({ alarmId }: { alarmId: string }) {
  const t = useTranslations('alarmHistory')
  const formatTime = useFormatTime()
  const errorMessage = useErrorMessage()
  const [open, setOpen] = useState(false)
  const detail = useAlarmDetail(alarmId, open)
  const notes = detail.data?.notes ?? []
  return (
    <div className="mt-1">
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        className="inline-flex items-center gap-1 text-xs text-muted hover:text-text"
      >
        {open ? <ChevronDown size={14} aria-hidden /> : <ChevronRight size={14} aria-hidden />} {t('toggle')}
      </button>
      {open && (
        <div className="mt-1 rounded-md border border-border bg-panel-2 px-3 py-2" data-testid="alarm-history">
          {detail.isPending && <p className="text-xs text-muted">{t('loading')}</p>}
          {detail.isError && (
            <p role="alert" className="text-xs text-danger">
              {errorMessage(detail.error)}
            </p>
          )}
          {detail.isSuccess && notes.length === 0 && <p className="text-xs text-muted">{t('empty')}</p>}
          {notes.length > 0 && (
            <ol className="space-y-1">
              {notes.map((note) => (
                <li key={note.id} className="text-xs" data-testid="alarm-note" data-kind={note.kind}>
                  <span className="font-medium">
                    {note.kind === 'assign' && note.to ? t('assignedTo', { name: note.to }) : t(`kinds.${note.kind}`)}
                  </span>
                  <span className="text-muted">
                    {' '}
                    · {note.by ?? t('system')} · {formatTime(note.at)}
                  </span>
                  {note.body && <p className="whitespace-pre-wrap break-words">{note.body}</p>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  )
}
