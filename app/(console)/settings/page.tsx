import type { Metadata } from 'next'
import { BuildingSettings } from '@/components/settings/building-settings'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  const actor = await requirePage('settings')
  const canWrite = can(actor.role, 'settings.write')
  return (
    <>
      <PageHeader title="Settings" description="The building's time zone and how long history is kept." />
      <div className="space-y-6">
        <BuildingSettings canWrite={canWrite} />
      </div>
    </>
  )
}
