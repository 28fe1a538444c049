'use client'

import { useMutation } from '@tanstack/react-query'
import { Check, CheckCheck, UserPlus } from 'lucide-react'
import { useState } from 'react'
import { apiFetch } from '@/components/ui/api-fetch'
import { Button } from '@/components/ui/button'
import type { AlarmItem } from '@/lib/alarms/schema'

/** Acknowledge / take / resolve; the updated alarm comes back through the live stream to every console. */
export function AlarmActions({ alarm }: { alarm: AlarmItem }) {
  const [error, setError] = useState<string | null>(null)
  const act = useMutation({
    mutationFn: (action: 'acknowledge' | 'assign' | 'resolve') =>
      apiFetch<AlarmItem>(`/api/alarms/${alarm.id}/${action}`, { method: 'POST', json: {} }),
    onError: (e) => setError(e.message),
    onSuccess: () => setError(null),
  })
  if (alarm.state === 'resolved') return null
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      {alarm.state === 'open' && (
        <Button className="px-2 py-1 text-xs" onClick={() => act.mutate('acknowledge')} disabled={act.isPending}>
          <Check size={14} aria-hidden /> Acknowledge
        </Button>
      )}
      {!alarm.assignee && (
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => act.mutate('assign')}
          disabled={act.isPending}
        >
          <UserPlus size={14} aria-hidden /> Take
        </Button>
      )}
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        onClick={() => act.mutate('resolve')}
        disabled={act.isPending}
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
