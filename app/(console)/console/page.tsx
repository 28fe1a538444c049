import type { Metadata } from 'next'
import { EnableNotificationsButton } from '@/components/calls/call-notifications'
import { ConsoleView } from '@/components/console/console-view'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Console' }

export default async function ConsolePage() {
  await requirePage('console')
  return (
    <>
      <PageHeader
        title="Console"
        description="Live door activity, calls and alarms for the whole site."
        actions={<EnableNotificationsButton />}
      />
      <ConsoleView />
    </>
  )
}
