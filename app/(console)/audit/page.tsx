import type { Metadata } from 'next'
import { Suspense } from 'react'
import { AuditList } from '@/components/audit/audit-list'
import { PageHeader } from '@/components/ui/page-header'
import { readForPage, requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'
import { readBuildingTimeZone } from '@/lib/settings/building'

export const metadata: Metadata = { title: 'Audit' }

export default async function AuditPage() {
  const actor = await requirePage('audit')
  const timeZone = await readForPage(readBuildingTimeZone)
  return (
    <>
      <PageHeader title="Audit trail" description="Who did what, when, and from where." />
      <Suspense>
        <AuditList timeZone={timeZone} canExport={can(actor.role, 'audit.export')} />
      </Suspense>
    </>
  )
}
