import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { DeviceGroupsPanel } from '@/components/residents/device-groups-panel'
import { RegisterTabs } from '@/components/residents/register-tabs'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('groups') }
}

export default async function DeviceGroupsPage() {
  const actor = await requirePage('residents')
  const t = await getTranslations('residents')
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      <RegisterTabs />
      <DeviceGroupsPanel canWrite={can(actor.role, 'credentials.manage')} />
    </>
  )
}
