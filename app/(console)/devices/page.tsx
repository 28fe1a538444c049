import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { DeviceList } from '@/components/devices/device-list'
import { UnrecognisedMessages } from '@/components/devices/unrecognised-messages'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('deviceList'))('pageTitle') }
}

export default async function DevicesPage() {
  const actor = await requirePage('devices')
  const t = await getTranslations('deviceList')
  return (
    <div className="space-y-8">
      <div>
        <PageHeader title={t('pageTitle')} description={t('pageLead')} />
        <DeviceList />
      </div>
      {can(actor.role, 'diagnostics.read') && <UnrecognisedMessages />}
    </div>
  )
}
