'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { useInboundMessages } from '@/components/data/inbound-message-queries'
import { useFormatTime } from '@/components/ui/format-time'
import { ListPage } from '@/components/ui/list-page'

const OUTCOMES = ['unrecognised', 'partial'] as const

/** Admin view of messages kept raw because they were not (fully) understood. */
export function UnrecognisedMessages() {
  const t = useTranslations('rawMessages')
  const formatTime = useFormatTime()
  const [outcome, setOutcome] = useState<'unrecognised' | 'partial'>('unrecognised')
  const messages = useInboundMessages({ outcome })
  return (
    <ListPage
      source={messages}
      title={t('title')}
      description={t('lead')}
      moreLabel={t('more')}
      filters={
        <div role="tablist" aria-label={t('which')} className="flex gap-1">
          {OUTCOMES.map((value) => (
            <button
              key={value}
              role="tab"
              aria-selected={outcome === value}
              onClick={() => setOutcome(value)}
              className={`rounded-md px-3 py-1.5 text-sm ${outcome === value ? 'bg-panel-2 font-medium' : 'text-muted hover:text-text'}`}
            >
              {t(value)}
            </button>
          ))}
        </div>
      }
      empty={<p className="rounded-xl border border-dashed border-border px-4 py-6 text-sm text-muted">{t('empty')}</p>}
    >
      {(rows) => (
        <ul className="space-y-2" data-testid="raw-messages">
          {rows.map((m) => (
            <li key={m.id} className="rounded-xl border border-border bg-panel p-3">
              <p className="text-xs text-muted">
                {formatTime(m.receivedAt)} · {m.source} · {m.shape}
                {m.deviceTuyaId ? ` · ${t('device', { id: m.deviceTuyaId })}` : ''}
              </p>
              {m.reason && <p className="mt-1 text-sm">{m.reason}</p>}
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-accent">{t('payload')}</summary>
                <pre className="mt-1 max-h-64 overflow-auto rounded bg-panel-2 p-2 text-xs">{m.payload}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </ListPage>
  )
}
