import type { ReactNode } from 'react'
import { AppShell } from '@/components/layout/app-shell'
import { pagesFor } from '@/lib/auth/page-access'
import { localeNames } from '@/lib/i18n/catalogue'
import { requireSignedIn } from '@/lib/auth/page-guard'

export const dynamic = 'force-dynamic'

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireSignedIn('/')
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email, role: actor.role }}
      nav={pagesFor(actor.role).map(({ key, href }) => ({ key, href }))}
      locales={localeNames()}
    >
      {children}
    </AppShell>
  )
}
