import type { Metadata } from 'next'
import { Suspense } from 'react'
import { AccessLog } from '@/components/access/access-log'
import { PageHeader } from '@/components/ui/page-header'
import { readForPage, requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'
import { readBuildingTimeZone } from '@/lib/settings/building'

export const metadata: Metadata = { title: 'Access log' }

export default async function AccessPage() {
  const actor = await requirePage('access')
  const timeZone = await readForPage(readBuildingTimeZone)
  return (
    <>
      <PageHeader title="Access log" description="Every door opening and refused attempt, with face snapshots." />
      <Suspense>
        <AccessLog canExport={can(actor.role, 'history.export')} timeZone={timeZone} />
      </Suspense>
    </>
  )
}
