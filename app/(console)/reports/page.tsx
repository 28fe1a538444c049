import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { ReportView } from '@/components/reports/report-view'
import { PageHeader } from '@/components/ui/page-header'
import { readForPage, requirePage } from '@/lib/auth/page-guard'
import { readBuildingTimeZone } from '@/lib/settings/building'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('pageTitle') }
}

export default async function ReportsPage() {
  await requirePage('reports')
  const t = await getTranslations('reports')
  const timeZone = await readForPage(readBuildingTimeZone)
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      <Suspense>
        <ReportView timeZone={timeZone} />
      </Suspense>
    </>
  )
}
