import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AccessDetail } from '@/components/access/access-detail'
import { PageHeader } from '@/components/ui/page-header'
import { readForPage, requirePage } from '@/lib/auth/page-guard'
import { readBuildingTimeZone } from '@/lib/settings/building'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accessView'))('pageTitle') }
}

export default async function AccessEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  await requirePage('access')
  const t = await getTranslations('accessView')
  const [{ id }, search, timeZone] = await Promise.all([params, searchParams, readForPage(readBuildingTimeZone)])
  // Back to the log with the filters the manager came from.
  const back = new URLSearchParams()
  for (const [key, value] of Object.entries(search)) if (typeof value === 'string') back.set(key, value)
  const backHref = back.size ? `/access?${back.toString()}` : '/access'
  return (
    <>
      <PageHeader title={t('pageTitle')} description={t('pageLead')} />
      <AccessDetail id={id} timeZone={timeZone} backHref={backHref} />
    </>
  )
}
