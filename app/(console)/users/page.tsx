import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/ui/page-header'
import { TokensPanel } from '@/components/users/tokens-panel'
import { UsersPanel } from '@/components/users/users-panel'
import { requirePage } from '@/lib/auth/page-guard'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('pageTitle') }
}

export default async function UsersPage() {
  await requirePage('users')
  const t = await getTranslations('users')
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      <div className="grid grid-cols-1 gap-8 xl:grid-cols-2">
        <UsersPanel />
        <TokensPanel />
      </div>
    </>
  )
}
