import { MonitorDot } from 'lucide-react'
import type { Metadata } from 'next'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Console' }

export default async function Page() {
  await requirePage('console')
  return (
    <>
      <PageHeader title="Console" description="Live door activity, calls and alarms for the whole site." />
      <EmptyState title="Waiting for door activity" icon={<MonitorDot />}>
        Door calls ring here, unlocks and alarms stream in live as devices report them.
      </EmptyState>
    </>
  )
}
