import type { Metadata } from 'next'
import { AuditList } from '@/components/audit/audit-list'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Audit' }

export default async function AuditPage() {
  await requirePage('audit')
  return (
    <>
      <PageHeader title="Audit trail" description="Who did what, when, and from where." />
      <AuditList />
    </>
  )
}
