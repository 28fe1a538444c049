import { History } from 'lucide-react'
import type { Metadata } from 'next'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Access log' }

export default async function Page() {
  await requirePage('access')
  return (
    <>
      <PageHeader title="Access log" description="Every door opening and refused attempt, with face snapshots." />
      <EmptyState title="No access events yet" icon={<History />}>
        Each face, card, PIN or remote unlock appears here with the resident, the door and the snapshot.
      </EmptyState>
    </>
  )
}
