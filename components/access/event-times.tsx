'use client'

// When an event happened by the device's clock, and when the console received it if that reads differently
// (a device clock off, or an event recovered after downtime): both in the building's zone.
import { formatInZone } from '@/lib/time/zoned-time'

export function EventTimes({
  occurredAt,
  receivedAt,
  timeZone,
}: {
  occurredAt: string
  receivedAt: string
  timeZone: string
}) {
  const device = formatInZone(occurredAt, timeZone)
  const received = formatInZone(receivedAt, timeZone)
  return (
    <span className="block">
      <time dateTime={occurredAt}>{device}</time>
      {received !== device && (
        <span className="block text-xs text-muted" data-testid="received-at">
          received <time dateTime={receivedAt}>{received}</time>
        </span>
      )}
    </span>
  )
}
