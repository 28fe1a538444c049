import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { AuditList } from '@/components/audit/audit-list'
import { PageHeader } from '@/components/ui/page-header'
import { readForPage, requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'
import { readBuildingTimeZone } from '@/lib/settings/building'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('metaTitle') }
}

export default async function AuditPage() {
  const actor = await requirePage('audit')
  const t = await getTranslations('audit')
  const timeZone = await readForPage(readBuildingTimeZone)
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      <Suspense>
        <AuditList timeZone={timeZone} canExport={can(actor.role, 'audit.export')} />
      </Suspense>
    </>
  )
}
