import type { Metadata } from 'next'
import { DeviceGroupsPanel } from '@/components/residents/device-groups-panel'
import { RegisterTabs } from '@/components/residents/register-tabs'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export const metadata: Metadata = { title: 'Door groups' }

export default async function DeviceGroupsPage() {
  const actor = await requirePage('residents')
  return (
    <>
      <PageHeader title="Residents" description="Units, residents and their faces, cards and PINs." />
      <RegisterTabs />
      <DeviceGroupsPanel canWrite={can(actor.role, 'credentials.manage')} />
    </>
  )
}
