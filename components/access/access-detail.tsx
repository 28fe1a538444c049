'use client'

// One access event, as a manager investigates it: the snapshot large beside the resident's enrolled photo, the
// call or alarm it belongs to, the same door's events in the minutes around it, and (admins only) the raw message
// it came from. Opening either photo at full size is audited by the server.
import { ArrowLeft, Camera } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { methodLabel } from '@/components/access/access-labels'
import { EventTimes } from '@/components/access/event-times'
import { useAccessEventDetail } from '@/components/data/access-queries'
import { Badge } from '@/components/ui/badge'
import { NEARBY_WINDOW_MINUTES } from '@/lib/access/access-constants'
import type { AccessEventDetail } from '@/lib/access/schema'
import { formatInZone, zoneLabel } from '@/lib/time/zoned-time'

function Photo({ url, label, testId }: { url: string | null; label: string; testId: string }) {
  return (
    <figure className="space-y-2">
      {url ? (
        <a href={url} target="_blank" rel="noreferrer">
          <img
            src={url}
            alt={label}
            data-testid={testId}
            className="aspect-square w-full max-w-sm rounded-xl border border-border object-cover"
          />
        </a>
      ) : (
        <div
          className="flex aspect-square w-full max-w-sm items-center justify-center rounded-xl border border-dashed border-border text-muted"
          data-testid={`${testId}-missing`}
        >
          <Camera aria-hidden />
        </div>
      )}
      <figcaption className="text-sm text-muted">{label}</figcaption>
    </figure>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-muted">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  )
}

function Related({ detail, timeZone }: { detail: AccessEventDetail; timeZone: string }) {
  const { call, alarm } = detail
  if (call === undefined && alarm === undefined) return null
  return (
    <section aria-label="Call and alarm" className="space-y-2 rounded-xl border border-border bg-panel p-4">
      <h2 className="font-semibold">Call and alarm</h2>
      {call !== undefined && (
        <p className="text-sm" data-testid="related-call">
          {call
            ? `Door call ${call.state.replace('_', ' ')} · rang ${formatInZone(call.startedAt, timeZone)}${call.answeredByName ? ` · answered by ${call.answeredByName}` : ''}`
            : 'No door call around this event.'}
        </p>
      )}
      {alarm !== undefined && (
        <p className="text-sm" data-testid="related-alarm">
          {alarm
            ? `Alarm ${alarm.type.replace('_', ' ')} (${alarm.priority}, ${alarm.state}) ×${alarm.count} · ${formatInZone(alarm.firstAt, timeZone)} – ${formatInZone(alarm.lastAt, timeZone)}`
            : 'No alarm on this door around this event.'}
        </p>
      )}
    </section>
  )
}

function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2)
  } catch {
    return payload
  }
}

export function AccessDetail({ id, timeZone, backHref }: { id: string; timeZone: string; backHref: string }) {
  const query = useAccessEventDetail(id)
  if (query.status === 'pending') return <p role="status">Loading…</p>
  if (query.status === 'error')
    return (
      <p role="alert" className="text-danger">
        {query.error.message}
      </p>
    )
  const detail = query.data
  const event = detail.event
  return (
    <div className="space-y-6" data-testid="access-detail">
      <Link href={backHref} className="inline-flex items-center gap-1 text-sm text-muted hover:text-text print:hidden">
        <ArrowLeft size={14} aria-hidden /> Access log
      </Link>
      <div className="grid gap-6 md:grid-cols-2">
        <Photo url={event.snapshotUrl} label="Snapshot at the door" testId="detail-snapshot" />
        <Photo
          url={detail.enrolledPhotoUrl}
          label={event.residentName ? `Enrolled photo of ${event.residentName}` : 'No resident recognised'}
          testId="detail-enrolled-photo"
        />
      </div>
      <dl className="grid gap-4 rounded-xl border border-border bg-panel p-4 sm:grid-cols-3">
        <Fact label={`When (${zoneLabel(timeZone, Date.parse(event.occurredAt))})`}>
          <EventTimes occurredAt={event.occurredAt} receivedAt={event.receivedAt} timeZone={timeZone} />
        </Fact>
        <Fact label="Resident">{event.residentName ?? 'Unknown'}</Fact>
        <Fact label="Unit">{event.unit ?? '—'}</Fact>
        <Fact label="Door">{event.deviceName ?? '—'}</Fact>
        <Fact label="Method">
          {methodLabel(event.method)}
          {event.credentialSlot && <span className="text-muted"> · slot {event.credentialSlot}</span>}
        </Fact>
        <Fact label="Result">
          <Badge tone={event.result === 'granted' ? 'ok' : 'danger'}>
            {event.result === 'granted' ? 'Entered' : 'Refused'}
          </Badge>
          {event.backfilled && <Badge tone="warn">Recovered</Badge>}
        </Fact>
      </dl>
      <Related detail={detail} timeZone={timeZone} />
      <section aria-label="Around this event" className="space-y-2">
        <h2 className="font-semibold">
          {event.deviceName ?? 'This door'}, {NEARBY_WINDOW_MINUTES} minutes either side
        </h2>
        <ol className="divide-y divide-border rounded-xl border border-border bg-panel" data-testid="nearby-events">
          {detail.nearby.map((e) => (
            <li
              key={e.id}
              className={`flex flex-wrap gap-3 px-4 py-2 text-sm ${e.id === event.id ? 'bg-panel-2' : ''}`}
            >
              <Link href={`/access/${encodeURIComponent(e.id)}`} className="hover:underline">
                {formatInZone(e.occurredAt, timeZone)}
              </Link>
              <span>{e.residentName ?? 'Unknown'}</span>
              <span className="text-muted">{methodLabel(e.method)}</span>
              <Badge tone={e.result === 'granted' ? 'ok' : 'danger'}>
                {e.result === 'granted' ? 'Entered' : 'Refused'}
              </Badge>
            </li>
          ))}
        </ol>
      </section>
      {detail.rawMessage !== undefined && (
        <section aria-label="Source message" className="space-y-2">
          <h2 className="font-semibold">Source message</h2>
          {detail.rawMessage ? (
            <details className="rounded-xl border border-border bg-panel p-4 text-sm">
              <summary className="cursor-pointer">
                {detail.rawMessage.source} · {detail.rawMessage.shape} · received{' '}
                {formatInZone(detail.rawMessage.receivedAt, timeZone)}
              </summary>
              <pre className="mt-2 overflow-x-auto text-xs" data-testid="raw-message">
                {prettyPayload(detail.rawMessage.payload)}
              </pre>
            </details>
          ) : (
            <p className="text-sm text-muted">The source message is no longer kept (retention).</p>
          )}
        </section>
      )}
    </div>
  )
}
