'use client'

import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { apiFetch } from '@/components/ui/api-fetch'
import { Button } from '@/components/ui/button'
import { formatTime } from '@/components/ui/format-time'
import type { InboundMessageItem } from '@/lib/ingest/schema'

type Page = { items: InboundMessageItem[]; nextCursor: string | null }

/** Admin view of messages kept raw because they were not (fully) understood. */
export function UnrecognisedMessages() {
  const [outcome, setOutcome] = useState<'unrecognised' | 'partial'>('unrecognised')
  const messages = useInfiniteQuery({
    queryKey: ['inbound-messages', outcome],
    queryFn: ({ pageParam }) =>
      apiFetch<Page>(`/api/inbound-messages?limit=20&outcome=${outcome}${pageParam ? `&cursor=${pageParam}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const rows = messages.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <section aria-label="Messages kept raw" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">Messages kept raw</h2>
          <p className="text-sm text-muted">
            Nothing a device sends is dropped: what the console cannot map yet is kept here with the reason.
          </p>
        </div>
        <div role="tablist" aria-label="Which messages" className="flex gap-1">
          {(['unrecognised', 'partial'] as const).map((value) => (
            <button
              key={value}
              role="tab"
              aria-selected={outcome === value}
              onClick={() => setOutcome(value)}
              className={`rounded-md px-3 py-1.5 text-sm ${outcome === value ? 'bg-panel-2 font-medium' : 'text-muted hover:text-text'}`}
            >
              {value === 'unrecognised' ? 'Not understood' : 'Partly understood'}
            </button>
          ))}
        </div>
      </div>
      {messages.isSuccess && rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border px-4 py-6 text-sm text-muted">
          None: every message received so far was understood.
        </p>
      ) : (
        <ul className="space-y-2" data-testid="raw-messages">
          {rows.map((m) => (
            <li key={m.id} className="rounded-xl border border-border bg-panel p-3">
              <p className="text-xs text-muted">
                {formatTime(m.receivedAt)} · {m.source} · {m.shape}
                {m.deviceTuyaId ? ` · device ${m.deviceTuyaId}` : ''}
              </p>
              {m.reason && <p className="mt-1 text-sm">{m.reason}</p>}
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-accent">Raw payload</summary>
                <pre className="mt-1 max-h-64 overflow-auto rounded bg-panel-2 p-2 text-xs">{m.payload}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {messages.hasNextPage && (
        <Button variant="secondary" onClick={() => messages.fetchNextPage()} disabled={messages.isFetchingNextPage}>
          Load older
        </Button>
      )}
    </section>
  )
}
