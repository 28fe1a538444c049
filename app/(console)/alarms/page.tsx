import { Bell } from 'lucide-react'
import type { Metadata } from 'next'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Alarms' }

export default async function AlarmsPage() {
  await requirePage('alarms')
  return (
    <>
      <PageHeader title="Alarms" description="Tamper, loitering, repeated failures, duress and device faults." />
      <EmptyState title="No alarms" icon={<Bell />}>
        Alarms raised by door stations and locks appear here with their priority; repeats of the same alarm fold
        into one line with a count.
      </EmptyState>
    </>
  )
}
