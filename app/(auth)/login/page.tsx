import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { LoginForm } from '@/components/auth/login-form'
import { LanguageSelect } from '@/components/i18n/language-select'
import { homeFor } from '@/lib/auth/page-access'
import { safeCallbackPath } from '@/lib/auth/safe-callback'
import { currentActor } from '@/lib/auth/page-guard'
import { localeNames } from '@/lib/i18n/catalogue'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('title') }
}
export const dynamic = 'force-dynamic'

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const actor = await currentActor()
  const { callbackUrl } = await searchParams
  if (actor) redirect(homeFor(actor.role))
  const t = await getTranslations()
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-border bg-panel p-8 shadow-xl">
        <div className="flex items-start justify-between gap-3">
          <h1 className="text-xl font-semibold">{t('app.name')}</h1>
          <LanguageSelect locales={localeNames()} signedIn={false} />
        </div>
        <p className="mt-1 text-sm text-muted">{t('auth.lead')}</p>
        <LoginForm callbackUrl={safeCallbackPath(callbackUrl)} />
      </div>
    </main>
  )
}
