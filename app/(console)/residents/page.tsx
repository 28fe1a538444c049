import type { Metadata } from 'next'
import { ResidentList } from '@/components/residents/resident-list'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Residents' }

export default async function ResidentsPage() {
  await requirePage('residents')
  return (
    <>
      <PageHeader title="Residents" description="Units, residents and their faces, cards and PINs." />
      <ResidentList />
    </>
  )
}
