import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { EnableNotificationsButton } from '@/components/calls/call-notifications'
import { ConsoleView } from '@/components/console/console-view'
import { PageHeader } from '@/components/ui/page-header'
import { requirePage } from '@/lib/auth/page-guard'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consoleView'))('pageTitle') }
}

export default async function ConsolePage() {
  await requirePage('console')
  const t = await getTranslations('consoleView')
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} actions={<EnableNotificationsButton />} />
      <ConsoleView />
    </>
  )
}
