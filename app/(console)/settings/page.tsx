import type { Metadata } from 'next'
import { BuildingSettings } from '@/components/settings/building-settings'
import { RetentionSettings } from '@/components/settings/retention-settings'
import { PageHeader } from '@/components/ui/page-header'
import { readForPage, requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'
import { readBuildingTimeZone } from '@/lib/settings/building'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  const actor = await requirePage('settings')
  const canWrite = can(actor.role, 'settings.write')
  const timeZone = await readForPage(readBuildingTimeZone)
  return (
    <>
      <PageHeader title="Settings" description="The building's time zone and how long history is kept." />
      <div className="space-y-6">
        <BuildingSettings canWrite={canWrite} />
        <RetentionSettings canWrite={canWrite} timeZone={timeZone} />
      </div>
    </>
  )
}
