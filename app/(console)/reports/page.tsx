import type { Metadata } from 'next'
import { Suspense } from 'react'
import { ReportView } from '@/components/reports/report-view'
import { PageHeader } from '@/components/ui/page-header'
import { readForPage, requirePage } from '@/lib/auth/page-guard'
import { readBuildingTimeZone } from '@/lib/settings/building'

export const metadata: Metadata = { title: 'Reports' }

export default async function ReportsPage() {
  await requirePage('reports')
  const timeZone = await readForPage(readBuildingTimeZone)
  return (
    <>
      <PageHeader title="Access report" description="Who came in, how and when: the access log's filters, counted." />
      <Suspense>
        <ReportView timeZone={timeZone} />
      </Suspense>
    </>
  )
}
