'use client'

// The console's call handling: the queue of calls to show, the ring while one rings (unless muted for that
// call), and the call dialog over the console.
import { CallDialog } from '@/components/calls/call-dialog'
import { useCallQueue } from '@/components/calls/use-call-queue'
import { useRing } from '@/components/calls/use-ring'
import { useRecentCalls } from '@/components/data/call-queries'

export function CallCenter() {
  const calls = useRecentCalls()
  const queue = useCallQueue(calls.data?.items ?? [])
  useRing(queue.ringing)
  return <CallDialog queue={queue} />
}
