import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { RegisterTabs } from '@/components/residents/register-tabs'
import { UnitsPanel } from '@/components/residents/units-panel'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('units') }
}

export default async function UnitsPage() {
  const actor = await requirePage('residents')
  const t = await getTranslations('residents')
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      <RegisterTabs />
      <UnitsPanel canWrite={can(actor.role, 'units.write')} />
    </>
  )
}
