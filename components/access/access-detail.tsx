'use client'

// One access event, as a manager investigates it: the snapshot large beside the resident's enrolled photo, the
// call or alarm it belongs to, the same door's events in the minutes around it, and (admins only) the raw message
// it came from. Opening either photo at full size is audited by the server.
import { ArrowLeft, Camera } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { EventTimes } from '@/components/access/event-times'
import { useAccessEventDetail } from '@/components/data/access-queries'
import { Badge } from '@/components/ui/badge'
import { useFormatTime } from '@/components/ui/format-time'
import { NEARBY_WINDOW_MINUTES } from '@/lib/access/access-constants'
import type { AccessEventDetail } from '@/lib/access/schema'
import { zoneLabel } from '@/lib/time/zoned-time'

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

function Related({ detail }: { detail: AccessEventDetail }) {
  const t = useTranslations('accessView')
  const format = useFormatTime()
  const { call, alarm } = detail
  if (call === undefined && alarm === undefined) return null
  const callText = call
    ? [
        t('call', { state: call.state.replace('_', ' '), time: format(call.startedAt) }),
        ...(call.answeredByName ? [t('answeredBy', { name: call.answeredByName })] : []),
      ].join(' · ')
    : t('noCall')
  const alarmText = alarm
    ? t('alarm', {
        type: alarm.type.replace('_', ' '),
        priority: alarm.priority,
        state: alarm.state,
        count: alarm.count,
        from: format(alarm.firstAt),
        to: format(alarm.lastAt),
      })
    : t('noAlarm')
  return (
    <section aria-label={t('relatedTitle')} className="space-y-2 rounded-xl border border-border bg-panel p-4">
      <h2 className="font-semibold">{t('relatedTitle')}</h2>
      {call !== undefined && (
        <p className="text-sm" data-testid="related-call">
          {callText}
        </p>
      )}
      {alarm !== undefined && (
        <p className="text-sm" data-testid="related-alarm">
          {alarmText}
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
  const t = useTranslations('accessView')
  const format = useFormatTime()
  const query = useAccessEventDetail(id)
  if (query.status === 'pending') return <p role="status">{t('loading')}</p>
  if (query.status === 'error')
    return (
      <p role="alert" className="text-danger">
        {query.error.message}
      </p>
    )
  const detail = query.data
  const event = detail.event
  const resultBadge = (result: string) => (
    <Badge tone={result === 'granted' ? 'ok' : 'danger'}>{result === 'granted' ? t('entered') : t('refused')}</Badge>
  )
  return (
    <div className="space-y-6" data-testid="access-detail">
      <Link href={backHref} className="inline-flex items-center gap-1 text-sm text-muted hover:text-text print:hidden">
        <ArrowLeft size={14} aria-hidden /> {t('back')}
      </Link>
      <div className="grid gap-6 md:grid-cols-2">
        <Photo url={event.snapshotUrl} label={t('snapshot')} testId="detail-snapshot" />
        <Photo
          url={detail.enrolledPhotoUrl}
          label={event.residentName ? t('enrolledPhoto', { name: event.residentName }) : t('noResident')}
          testId="detail-enrolled-photo"
        />
      </div>
      <dl className="grid gap-4 rounded-xl border border-border bg-panel p-4 sm:grid-cols-3">
        <Fact label={t('when', { zone: zoneLabel(timeZone, Date.parse(event.occurredAt)) })}>
          <EventTimes occurredAt={event.occurredAt} receivedAt={event.receivedAt} />
        </Fact>
        <Fact label={t('resident')}>{event.residentName ?? t('unknown')}</Fact>
        <Fact label={t('unit')}>{event.unit ?? '—'}</Fact>
        <Fact label={t('door')}>{event.deviceName ?? '—'}</Fact>
        <Fact label={t('method')}>
          {t(`methods.${event.method}`)}
          {event.credentialSlot && <span className="text-muted"> · {t('slot', { slot: event.credentialSlot })}</span>}
        </Fact>
        <Fact label={t('result')}>
          {resultBadge(event.result)}
          {event.backfilled && <Badge tone="warn">{t('recovered')}</Badge>}
        </Fact>
      </dl>
      <Related detail={detail} />
      <section
        aria-label={t('nearbyTitle', { door: event.deviceName ?? t('thisDoor'), minutes: NEARBY_WINDOW_MINUTES })}
        className="space-y-2"
      >
        <h2 className="font-semibold">
          {t('nearbyTitle', { door: event.deviceName ?? t('thisDoor'), minutes: NEARBY_WINDOW_MINUTES })}
        </h2>
        <ol className="divide-y divide-border rounded-xl border border-border bg-panel" data-testid="nearby-events">
          {detail.nearby.map((e) => (
            <li
              key={e.id}
              className={`flex flex-wrap gap-3 px-4 py-2 text-sm ${e.id === event.id ? 'bg-panel-2' : ''}`}
            >
              <Link href={`/access/${encodeURIComponent(e.id)}`} className="hover:underline">
                {format(e.occurredAt)}
              </Link>
              <span>{e.residentName ?? t('unknown')}</span>
              <span className="text-muted">{t(`methods.${e.method}`)}</span>
              {resultBadge(e.result)}
            </li>
          ))}
        </ol>
      </section>
      {detail.rawMessage !== undefined && (
        <section aria-label={t('sourceTitle')} className="space-y-2">
          <h2 className="font-semibold">{t('sourceTitle')}</h2>
          {detail.rawMessage ? (
            <details className="rounded-xl border border-border bg-panel p-4 text-sm">
              <summary className="cursor-pointer">
                {t('source', {
                  source: detail.rawMessage.source,
                  shape: detail.rawMessage.shape,
                  time: format(detail.rawMessage.receivedAt),
                })}
              </summary>
              <pre className="mt-2 overflow-x-auto text-xs" data-testid="raw-message">
                {prettyPayload(detail.rawMessage.payload)}
              </pre>
            </details>
          ) : (
            <p className="text-sm text-muted">{t('sourceGone')}</p>
          )}
        </section>
      )}
    </div>
  )
}
