import type { Metadata } from 'next'
import { RegisterTabs } from '@/components/residents/register-tabs'
import { UnitsPanel } from '@/components/residents/units-panel'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export const metadata: Metadata = { title: 'Units' }

export default async function UnitsPage() {
  const actor = await requirePage('residents')
  return (
    <>
      <PageHeader title="Residents" description="Units, residents and their faces, cards and PINs." />
      <RegisterTabs />
      <UnitsPanel canWrite={can(actor.role, 'units.write')} />
    </>
  )
}
