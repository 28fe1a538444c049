import { Users } from 'lucide-react'
import type { Metadata } from 'next'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Residents' }

export default async function ResidentsPage() {
  await requirePage('residents')
  return (
    <>
      <PageHeader title="Residents" description="Units, residents and their faces, cards and PINs." />
      <EmptyState title="Resident register" icon={<Users />}>
        Residents of each unit, with their enrolled faces, cards and PINs and whether every door has received them,
        appear here.
      </EmptyState>
    </>
  )
}
