import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { AccessLog } from '@/components/access/access-log'
import { PageHeader } from '@/components/ui/page-header'
import { readForPage, requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'
import { readBuildingTimeZone } from '@/lib/settings/building'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accessLog'))('pageTitle') }
}

export default async function AccessPage() {
  const actor = await requirePage('access')
  const t = await getTranslations('accessLog')
  const timeZone = await readForPage(readBuildingTimeZone)
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      <Suspense>
        <AccessLog canExport={can(actor.role, 'history.export')} timeZone={timeZone} />
      </Suspense>
    </>
  )
}
