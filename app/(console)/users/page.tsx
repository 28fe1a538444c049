import type { Metadata } from 'next'
import { PageHeader } from '@/components/ui/page-header'
import { TokensPanel } from '@/components/users/tokens-panel'
import { UsersPanel } from '@/components/users/users-panel'
import { requirePage } from '@/lib/auth/page-guard'

export const metadata: Metadata = { title: 'Users & tokens' }

export default async function UsersPage() {
  await requirePage('users')
  return (
    <>
      <PageHeader title="Users & tokens" description="Operators who can sign in, and API tokens for integrations." />
      <div className="grid gap-8 xl:grid-cols-2">
        <UsersPanel />
        <TokensPanel />
      </div>
    </>
  )
}
