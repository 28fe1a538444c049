import { DoorOpen } from 'lucide-react'
import type { Metadata } from 'next'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Devices' }

export default async function Page() {
  await requirePage('devices')
  return (
    <>
      <PageHeader title="Devices" description="Door stations, face terminals and locks, with their status." />
      <EmptyState title="No devices yet" icon={<DoorOpen />}>
        Devices in your Tuya cloud project appear here once they have been synchronised.
      </EmptyState>
    </>
  )
}
