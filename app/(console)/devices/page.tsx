import type { Metadata } from 'next'
import { DeviceList } from '@/components/devices/device-list'
import { UnrecognisedMessages } from '@/components/devices/unrecognised-messages'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export const metadata: Metadata = { title: 'Devices' }

export default async function DevicesPage() {
  const actor = await requirePage('devices')
  return (
    <div className="space-y-8">
      <div>
        <PageHeader title="Devices" description="Door stations, face terminals and locks, with their status." />
        <DeviceList />
      </div>
      {can(actor.role, 'diagnostics.read') && <UnrecognisedMessages />}
    </div>
  )
}
