import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { RegisterTabs } from '@/components/residents/register-tabs'
import { ResidentList } from '@/components/residents/resident-list'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('residents'))('pageTitle') }
}

export default async function ResidentsPage({ searchParams }: { searchParams: Promise<{ unitId?: string }> }) {
  const actor = await requirePage('residents')
  const t = await getTranslations('residents')
  const { unitId } = await searchParams
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      <RegisterTabs />
      <ResidentList canWrite={can(actor.role, 'residents.write')} initialUnitId={unitId ?? ''} />
    </>
  )
}
