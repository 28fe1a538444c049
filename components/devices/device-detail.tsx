'use client'

// One device's page: online state, last seen and last event, battery, product, model, firmware and data points,
// the remote "open door" (with its confirmation), and its recent access events, calls and alarms. Kept fresh by the
// live stream (at most every few seconds for a busy door).
import { ArrowLeft, BatteryLow, Wifi, WifiOff } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import type { ReactNode } from 'react'
import { priorityTone } from '@/components/alarms/alarm-labels'
import { useDeviceDetail } from '@/components/data/device-queries'
import { useKindLabel } from '@/components/devices/device-labels'
import { OpenDoorButton } from '@/components/devices/open-door-button'
import { useErrorMessage } from '@/components/i18n/use-error-message'
import { Badge } from '@/components/ui/badge'
import { useFormatTime } from '@/components/ui/format-time'
import { SnapshotThumb } from '@/components/ui/snapshot-thumb'
import type { DeviceDetail } from '@/lib/devices/schema'

export function DeviceDetailView({ deviceId, canOpenDoor }: { deviceId: string; canOpenDoor: boolean }) {
  const t = useTranslations('devicePage')
  const errorMessage = useErrorMessage()
  const detail = useDeviceDetail(deviceId)
  return (
    <div className="space-y-4">
      <Link href="/devices" className="inline-flex items-center gap-1 text-sm text-muted hover:text-text">
        <ArrowLeft size={14} aria-hidden /> {t('back')}
      </Link>
      {detail.isPending && <p className="text-sm text-muted">{t('loading')}</p>}
      {detail.isError && (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(detail.error)}
        </p>
      )}
      {detail.data && <DeviceSections detail={detail.data} canOpenDoor={canOpenDoor} />}
    </div>
  )
}

function DeviceSections({ detail, canOpenDoor }: { detail: DeviceDetail; canOpenDoor: boolean }) {
  const t = useTranslations('devicePage')
  const methods = useTranslations('accessMethods')
  const types = useTranslations('alarmTypes')
  const priorities = useTranslations('alarmPriorities')
  const states = useTranslations('alarmStates')
  const formatTime = useFormatTime()
  const kindLabel = useKindLabel()
  const { device } = detail
  const dataPoints = Object.entries(device.dataPoints)
  return (
    <>
      <section aria-label={device.name} className="space-y-3 rounded-xl border border-border bg-panel p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold" data-testid="device-name">
            {device.name}
          </h2>
          <span data-testid="device-online" data-online={device.online ? 'yes' : 'no'}>
            {device.online ? (
              <Badge tone="ok">
                <Wifi size={12} aria-hidden className="mr-1" /> {t('online')}
              </Badge>
            ) : (
              <Badge tone="danger">
                <WifiOff size={12} aria-hidden className="mr-1" /> {t('offline')}
              </Badge>
            )}
          </span>
          {canOpenDoor && <OpenDoorButton deviceId={device.id} deviceName={device.name} />}
        </div>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <Fact label={t('kind')}>{kindLabel(device.category)}</Fact>
          <Fact label={t('lastSeen')}>{formatTime(device.lastSeenAt)}</Fact>
          <Fact label={t('lastEvent')}>
            {detail.lastEvent
              ? t(`lastEventKinds.${detail.lastEvent.kind}`, { at: formatTime(detail.lastEvent.at) })
              : t('noEvent')}
          </Fact>
          <Fact label={t('battery')}>
            {device.battery === null ? (
              t('batteryUnknown')
            ) : (
              <span className={`inline-flex items-center gap-1 ${device.battery < 20 ? 'text-danger' : ''}`}>
                {device.battery < 20 && <BatteryLow size={14} aria-hidden />}
                {device.battery}%
              </span>
            )}
          </Fact>
          <Fact label={t('product')} testId="device-product">
            {device.productName ?? '—'}
          </Fact>
          <Fact label={t('productModel')} testId="device-model">
            {device.productModel ?? '—'}
          </Fact>
          <Fact label={t('firmware')} testId="device-firmware">
            <FirmwareVersions device={device} />
          </Fact>
          <Fact label={t('productIdLabel')}>
            <code className="text-xs">{device.productId ?? '—'}</code>
          </Fact>
          <Fact label={t('tuyaCategory')}>{device.tuyaCategory ?? '—'}</Fact>
          <Fact label={t('tuyaId')}>
            <code className="text-xs">{device.tuyaId}</code>
          </Fact>
          <Fact label={t('location')}>{device.location ?? '—'}</Fact>
        </dl>
        {dataPoints.length > 0 && (
          <details className="text-sm">
            <summary className="cursor-pointer text-muted">{t('dataPoints', { count: dataPoints.length })}</summary>
            <dl className="mt-2 grid gap-x-6 gap-y-1 text-xs sm:grid-cols-2 lg:grid-cols-3">
              {dataPoints.map(([code, value]) => (
                <div key={code} className="flex gap-2">
                  <dt className="font-mono text-muted">{code}</dt>
                  <dd className="break-all">{String(value)}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </section>
      <div className="grid gap-4 xl:grid-cols-3">
        <Recent title={t('accessEvents')} testId="device-access" empty={t('noAccess')}>
          {detail.accessEvents.map((event) => (
            <li key={event.id} className="flex items-center gap-3 px-4 py-2">
              <SnapshotThumb
                url={event.snapshotUrl}
                alt={t('snapshotOf', { name: event.residentName ?? t('unknownPerson') })}
                size={36}
              />
              <div className="min-w-0 flex-1 text-sm">
                <span className="font-medium">{event.residentName ?? t('unknownPerson')}</span>{' '}
                <Badge tone={event.result === 'granted' ? 'ok' : 'danger'}>
                  {event.result === 'granted' ? t('entered') : t('refused')}
                </Badge>{' '}
                <Badge>{methods(event.method)}</Badge>
                <p className="text-xs text-muted">{formatTime(event.occurredAt)}</p>
              </div>
            </li>
          ))}
        </Recent>
        <Recent title={t('calls')} testId="device-calls" empty={t('noCalls')}>
          {detail.calls.map((call) => (
            <li key={call.id} className="px-4 py-2 text-sm">
              <Badge>{t(`callStates.${call.state}`)}</Badge> {formatTime(call.startedAt)}
              {call.answeredBy && (
                <span className="text-xs text-muted"> · {t('answeredBy', { name: call.answeredBy })}</span>
              )}
            </li>
          ))}
        </Recent>
        <Recent title={t('alarms')} testId="device-alarms" empty={t('noAlarms')}>
          {detail.alarms.map((alarm) => (
            <li key={alarm.id} className="px-4 py-2 text-sm">
              <Badge tone={priorityTone(alarm.priority)}>{priorities(alarm.priority)}</Badge>{' '}
              <span className="font-medium">{types(alarm.type)}</span>
              {alarm.count > 1 && <span className="text-xs text-muted"> ×{alarm.count}</span>}{' '}
              <Badge>{states(alarm.state)}</Badge>
              <p className="text-xs text-muted">{t('lastAt', { at: formatTime(alarm.lastAt) })}</p>
            </li>
          ))}
        </Recent>
      </div>
    </>
  )
}

function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  )
}

/** `Main module 3.1.12 · MCU 1.2.0`: each firmware module the cloud reported, by channel. */
function FirmwareVersions({ device }: { device: DeviceDetail['device'] }) {
  const t = useTranslations('devicePage')
  if (!device.detailsReadAt) return <span className="text-muted">{t('firmwareNotRead')}</span>
  if (device.firmware.length === 0) return <>—</>
  return (
    <ul className="flex flex-wrap gap-x-2">
      {device.firmware.map(({ type, version }, i) => (
        <li key={type}>
          {i > 0 && (
            <span aria-hidden className="mr-2 text-muted">
              ·
            </span>
          )}
          {type === 0
            ? t('firmwareModule.main', { version })
            : type === 9
              ? t('firmwareModule.mcu', { version })
              : t('firmwareModule.other', { type, version })}
        </li>
      ))}
    </ul>
  )
}

function Recent({
  title,
  testId,
  empty,
  children,
}: {
  title: string
  testId: string
  empty: string
  children: ReactNode[]
}) {
  return (
    <section aria-label={title} className="rounded-xl border border-border bg-panel">
      <h3 className="border-b border-border px-4 py-3 text-sm font-semibold">{title}</h3>
      {children.length === 0 ? (
        <p className="px-4 py-4 text-sm text-muted">{empty}</p>
      ) : (
        <ul className="divide-y divide-border" data-testid={testId}>
          {children}
        </ul>
      )}
    </section>
  )
}
