'use client'

// A time shown relative to now ("2 min ago" / "2 分钟前"), updated by the shared clock, with the absolute time in
// the building's zone as its tooltip and the machine-readable time in `dateTime`.
import { useFormatTime, useRelativeTime } from '@/components/ui/format-time'

export function RelativeTime({ iso }: { iso: string }) {
  const relative = useRelativeTime()
  const absolute = useFormatTime()
  return (
    <time dateTime={iso} title={absolute(iso)} data-testid="relative-time">
      {relative(iso)}
    </time>
  )
}
