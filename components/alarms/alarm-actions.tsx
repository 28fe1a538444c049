'use client'

import { Check, CheckCheck, UserPlus } from 'lucide-react'
import { useState } from 'react'
import { useHandleAlarm } from '@/components/data/alarm-queries'
import { Button } from '@/components/ui/button'
import type { AlarmAction, AlarmItem } from '@/lib/alarms/schema'

/** Acknowledge / take / resolve; the updated alarm comes back through the live stream to every console. */
export function AlarmActions({ alarm }: { alarm: AlarmItem }) {
  const [error, setError] = useState<string | null>(null)
  const handle = useHandleAlarm(alarm.id)
  const act = (action: AlarmAction) =>
    handle.mutate(action, { onError: (e) => setError(e.message), onSuccess: () => setError(null) })
  if (alarm.state === 'resolved') return null
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      {alarm.state === 'open' && (
        <Button className="px-2 py-1 text-xs" onClick={() => act('acknowledge')} disabled={handle.isPending}>
          <Check size={14} aria-hidden /> Acknowledge
        </Button>
      )}
      {!alarm.assignee && (
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => act('assign')}
          disabled={handle.isPending}
        >
          <UserPlus size={14} aria-hidden /> Take
        </Button>
      )}
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        onClick={() => act('resolve')}
        disabled={handle.isPending}
      >
        <CheckCheck size={14} aria-hidden /> Resolve
      </Button>
      {error && (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      )}
    </div>
  )
}
