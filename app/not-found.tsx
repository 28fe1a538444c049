import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

export default async function NotFound() {
  const t = await getTranslations('pages')
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-6 text-center">
      <div>
        <p className="text-sm font-semibold uppercase tracking-widest text-muted">404</p>
        <h1 className="mt-2 text-2xl font-semibold">{t('notFoundTitle')}</h1>
        <Link href="/" className="mt-6 inline-block text-accent underline">
          {t('notFoundBack')}
        </Link>
      </div>
    </main>
  )
}
