import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { BuildingSettings } from '@/components/settings/building-settings'
import { RetentionSettings } from '@/components/settings/retention-settings'
import { PageHeader } from '@/components/ui/page-header'
import { readForPage, requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'
import { readBuildingTimeZone } from '@/lib/settings/building'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('pageTitle') }
}

export default async function SettingsPage() {
  const actor = await requirePage('settings')
  const t = await getTranslations('settings')
  const canWrite = can(actor.role, 'settings.write')
  const timeZone = await readForPage(readBuildingTimeZone)
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      <div className="space-y-6">
        <BuildingSettings canWrite={canWrite} />
        <RetentionSettings canWrite={canWrite} timeZone={timeZone} />
      </div>
    </>
  )
}
