import type { Metadata } from 'next'
import { RegisterTabs } from '@/components/residents/register-tabs'
import { ResidentList } from '@/components/residents/resident-list'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export const metadata: Metadata = { title: 'Residents' }

export default async function ResidentsPage({ searchParams }: { searchParams: Promise<{ unitId?: string }> }) {
  const actor = await requirePage('residents')
  const { unitId } = await searchParams
  return (
    <>
      <PageHeader title="Residents" description="Units, residents and their faces, cards and PINs." />
      <RegisterTabs />
      <ResidentList canWrite={can(actor.role, 'residents.write')} initialUnitId={unitId ?? ''} />
    </>
  )
}
