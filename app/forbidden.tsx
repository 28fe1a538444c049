import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

export default async function Forbidden() {
  const t = await getTranslations('pages')
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-6">
      <div className="max-w-md text-center" data-testid="forbidden">
        <p className="text-sm font-semibold uppercase tracking-widest text-danger">{t('forbiddenKicker')}</p>
        <h1 className="mt-2 text-2xl font-semibold">{t('forbiddenTitle')}</h1>
        <p className="mt-2 text-sm text-muted">{t('forbiddenBody')}</p>
        <Link
          href="/"
          className="mt-6 inline-block rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-contrast"
        >
          {t('forbiddenBack')}
        </Link>
      </div>
    </main>
  )
}
