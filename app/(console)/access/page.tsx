import type { Metadata } from 'next'
import { AccessLog } from '@/components/access/access-log'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export const metadata: Metadata = { title: 'Access log' }

export default async function AccessPage() {
  const actor = await requirePage('access')
  return (
    <>
      <PageHeader title="Access log" description="Every door opening and refused attempt, with face snapshots." />
      <AccessLog canExport={can(actor.role, 'history.export')} />
    </>
  )
}
