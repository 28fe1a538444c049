import type { Metadata } from 'next'
import { DeviceList } from '@/components/devices/device-list'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Devices' }

export default async function DevicesPage() {
  await requirePage('devices')
  return (
    <>
      <PageHeader title="Devices" description="Door stations, face terminals and locks, with their status." />
      <DeviceList />
    </>
  )
}
