import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CredentialsPanel } from '@/components/residents/credentials-panel'
import { RegisterTabs } from '@/components/residents/register-tabs'
import { ResidentView } from '@/components/residents/resident-view'
import { SyncPanel } from '@/components/residents/sync-panel'
import { requirePage } from '@/lib/auth/page-guard'
import { can } from '@/lib/auth/permissions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('residents'))('pageTitle') }
}

export default async function ResidentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage('residents')
  const { id } = await params
  return (
    <>
      <RegisterTabs />
      <ResidentView
        residentId={id}
        canWrite={can(actor.role, 'residents.write')}
        canManageDoors={can(actor.role, 'credentials.manage')}
        credentials={<CredentialsPanel residentId={id} canManage={can(actor.role, 'credentials.manage')} />}
        sync={
          can(actor.role, 'sync.read') ? <SyncPanel residentId={id} canRetry={can(actor.role, 'sync.retry')} /> : null
        }
      />
    </>
  )
}
