'use client'

// Calls on the console: a ringing call pops up with a ring for every guard; the first to answer takes it and the
// ring stops everywhere (the server broadcasts the answered state). Backfilled calls never ring.
import { BellRing, PhoneCall, PhoneOff } from 'lucide-react'
import { useState } from 'react'
import { useRing } from '@/components/calls/use-ring'
import { useAnswerCall, useDeclineCall, useRecentCalls } from '@/components/data/call-queries'
import { OpenDoorButton } from '@/components/devices/open-door-button'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { formatTime } from '@/components/ui/format-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'

const STATE_LABELS: Record<string, string> = {
  ringing: 'Ringing',
  answered: 'Answered',
  declined: 'Declined',
  missed: 'Missed',
  cancelled: 'Cancelled',
  door_opened: 'Door opened',
}

export function CallPanel() {
  const calls = useRecentCalls()
  const [error, setError] = useState<string | null>(null)
  const answer = useAnswerCall()
  const decline = useDeclineCall()
  const responding = answer.isPending || decline.isPending
  const feedback = { onError: (e: Error) => setError(e.message), onSuccess: () => setError(null) }
  const items = calls.data?.items ?? []
  const ringing = items.filter((c) => c.state === 'ringing' && !c.backfilled)
  useRing(ringing.length > 0)

  return (
    <section aria-label="Door calls" className="rounded-xl border border-border bg-panel">
      <h2 className="border-b border-border px-4 py-3 text-sm font-semibold">Door calls</h2>
      {ringing.map((call) => (
        <div
          key={call.id}
          role="alertdialog"
          aria-label={`Call from ${call.deviceName ?? 'a door'}`}
          className="m-3 animate-pulse rounded-lg border-2 border-accent bg-panel-2 p-3"
          data-testid="ringing-call"
        >
          <div className="flex items-center gap-3">
            <SnapshotThumb url={call.snapshotUrl} alt="Visitor at the door" size={72} />
            <div className="min-w-0 flex-1">
              <p className="flex items-center gap-2 font-semibold">
                <BellRing size={16} aria-hidden /> {call.deviceName ?? 'Door station'}
              </p>
              <p className="text-xs text-muted">Ringing since {formatTime(call.startedAt)}</p>
            </div>
          </div>
          <div className="mt-3 flex gap-2">
            <Button onClick={() => answer.mutate(call.id, feedback)} disabled={responding}>
              <PhoneCall size={16} aria-hidden /> Answer
            </Button>
            <Button variant="secondary" onClick={() => decline.mutate(call.id, feedback)} disabled={responding}>
              <PhoneOff size={16} aria-hidden /> Decline
            </Button>
          </div>
          <div className="mt-2">
            <OpenDoorButton deviceId={call.deviceId} deviceName={call.deviceName ?? 'the door'} callId={call.id} />
          </div>
        </div>
      ))}
      {error && (
        <p role="alert" className="px-4 pb-2 text-sm text-danger">
          {error}
        </p>
      )}
      <ul className="divide-y divide-border">
        {items
          .filter((c) => c.state !== 'ringing' || c.backfilled)
          .slice(0, 8)
          .map((call) => (
            <li key={call.id} className="flex items-center justify-between gap-2 px-4 py-2 text-sm">
              <span className="truncate">{call.deviceName ?? 'Door'}</span>
              <span className="flex items-center gap-2 text-xs text-muted">
                <Badge
                  tone={
                    call.state === 'missed'
                      ? 'warn'
                      : call.state === 'answered' || call.state === 'door_opened'
                        ? 'ok'
                        : 'neutral'
                  }
                >
                  {STATE_LABELS[call.state] ?? call.state}
                </Badge>
                {call.answeredBy && <span>{call.answeredBy}</span>}
                {formatTime(call.startedAt)}
                {call.state === 'answered' && !call.endedAt && (
                  <OpenDoorButton
                    deviceId={call.deviceId}
                    deviceName={call.deviceName ?? 'the door'}
                    callId={call.id}
                  />
                )}
              </span>
            </li>
          ))}
      </ul>
      {calls.isSuccess && items.length === 0 && (
        <p className="px-4 py-6 text-sm text-muted">No calls yet. A visitor pressing a door station bell rings here.</p>
      )}
    </section>
  )
}
