'use client'

// Calls nobody answered stay here, on every guard's console, until one of them marks the call seen.
import { Check, PhoneMissed } from 'lucide-react'
import { useState } from 'react'
import { useMarkCallSeen, useMissedCalls } from '@/components/data/call-queries'
import { Button } from '@/components/ui/button'
import { formatTime } from '@/components/ui/format-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'

export function MissedCalls() {
  const missed = useMissedCalls()
  const markSeen = useMarkCallSeen()
  const [error, setError] = useState<string | null>(null)
  const items = missed.data?.items ?? []
  return (
    <section
      aria-label="Missed calls"
      className="rounded-xl border border-border bg-panel"
      data-loaded={missed.isSuccess ? 'yes' : 'no'}
    >
      <h2 className="flex items-center gap-2 border-b border-border px-4 py-3 text-sm font-semibold">
        <PhoneMissed size={16} aria-hidden /> Missed calls
        {items.length > 0 && (
          <span className="rounded-full bg-warn px-2 text-xs text-black" data-testid="missed-count">
            {items.length}
          </span>
        )}
      </h2>
      {missed.isSuccess && items.length === 0 ? (
        <p className="px-4 py-4 text-sm text-muted">No missed calls waiting.</p>
      ) : (
        <ul className="divide-y divide-border">
          {items.map((call) => (
            <li key={call.id} className="flex items-center gap-3 px-4 py-2 text-sm" data-testid="missed-call">
              <SnapshotThumb url={call.snapshotUrl} alt="Visitor at the door" size={40} />
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{call.deviceName ?? 'Door'}</p>
                <p className="truncate text-xs text-muted">
                  Missed · {formatTime(call.startedAt)}
                  {call.deviceLocation && ` · ${call.deviceLocation}`}
                </p>
              </div>
              <Button
                variant="secondary"
                className="px-2 py-1 text-xs"
                disabled={markSeen.isPending}
                onClick={() =>
                  markSeen.mutate(call.id, {
                    onSuccess: () => setError(null),
                    onError: (e) => setError(e.message),
                  })
                }
              >
                <Check size={14} aria-hidden /> Mark seen
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="px-4 pb-2 text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  )
}
