'use client'

import { BatteryLow, Wifi, WifiOff } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useDevices } from '@/components/data/device-queries'
import { useKindLabel } from '@/components/devices/device-labels'
import { OpenDoorButton } from '@/components/devices/open-door-button'
import { EmptyState } from '@/components/ui/empty-state'
import { useFormatTime } from '@/components/ui/format-time'
import { ListPage } from '@/components/ui/list-page'

export function DeviceList({ compact = false }: { compact?: boolean }) {
  const t = useTranslations('deviceList')
  const words = useTranslations('devicePage')
  const formatTime = useFormatTime()
  const kindLabel = useKindLabel()
  const devices = useDevices()
  return (
    <ListPage source={devices} empty={<EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>}>
      {(items) => (
        <ul
          className={
            compact
              ? 'grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-1'
              : 'grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3'
          }
          data-testid="device-list"
        >
          {items.map((device) => (
            <li
              key={device.id}
              className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-panel px-3 py-2"
              data-testid="device-item"
            >
              {device.online ? (
                <Wifi size={16} className="text-ok" aria-label={words('online')} />
              ) : (
                <WifiOff size={16} className="text-danger" aria-label={words('offline')} />
              )}
              <div className="min-w-0 flex-1">
                <Link
                  href={`/devices/${encodeURIComponent(device.id)}`}
                  className="block truncate text-sm font-medium hover:underline"
                >
                  {device.name}
                </Link>
                <p className="truncate text-xs text-muted">
                  {kindLabel(device.category)}
                  {device.location ? ` · ${device.location}` : ''}
                  {!compact && device.lastSeenAt ? ` · ${t('seen', { time: formatTime(device.lastSeenAt) })}` : ''}
                </p>
              </div>
              {device.battery !== null && (
                <span
                  className={`flex items-center gap-1 text-xs ${device.battery < 20 ? 'text-danger' : 'text-muted'}`}
                >
                  {device.battery < 20 && <BatteryLow size={14} aria-hidden />}
                  {device.battery}%
                </span>
              )}
              {!compact && <OpenDoorButton deviceId={device.id} deviceName={device.name} />}
            </li>
          ))}
        </ul>
      )}
    </ListPage>
  )
}
