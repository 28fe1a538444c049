'use client'

// The language menu. Signed in, the choice is saved on the operator (it follows them to any desk); on the
// sign-in page it is kept in a cookie. Either way the server then renders the page again in that language.
import { useLocale, useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { useSetLocale } from '@/components/data/user-queries'
import { LOCALE_COOKIE } from '@/lib/i18n/locales'

export type LocaleChoices = Record<string, string>

export function LanguageSelect({ locales, signedIn }: { locales: LocaleChoices; signedIn: boolean }) {
  const t = useTranslations('shell')
  const current = useLocale()
  const router = useRouter()
  const save = useSetLocale()
  const [pending, startTransition] = useTransition()

  async function choose(locale: string) {
    if (signedIn) await save.mutateAsync(locale)
    else document.cookie = `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=31536000; SameSite=Lax`
    startTransition(() => router.refresh())
  }

  return (
    <select
      aria-label={t('language')}
      data-testid="language-select"
      value={current}
      disabled={pending || save.isPending}
      onChange={(event) => void choose(event.target.value)}
      className="rounded-md border border-border bg-panel-2 px-2 py-1 text-sm"
    >
      {Object.entries(locales).map(([locale, name]) => (
        <option key={locale} value={locale} lang={locale}>
          {name}
        </option>
      ))}
    </select>
  )
}
