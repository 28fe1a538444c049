// next-intl's per-request configuration (registered in next.config.js): which language this page renders in,
// its messages, and the building's time zone for every date shown. The language is the signed-in operator's
// choice, else the cookie set by the language menu (e.g. on the sign-in page), else the browser's Accept-Language.
import { cookies, headers } from 'next/headers'
import { getRequestConfig } from 'next-intl/server'
import { currentActor } from '@/lib/auth/page-guard'
import { availableLocales } from '@/lib/i18n/catalogue'
import { buildingTimeZone, savedLocale } from '@/lib/i18n/data'
import { LOCALE_COOKIE, isLocaleOf, negotiateLocale } from '@/lib/i18n/locales'

async function requestLocale(): Promise<string> {
  const locales = availableLocales()
  const actor = await currentActor().catch(() => null)
  const saved = actor ? await savedLocale(actor.userId).catch(() => null) : null
  if (isLocaleOf(locales, saved)) return saved
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value
  if (isLocaleOf(locales, cookie)) return cookie
  return negotiateLocale((await headers()).get('accept-language'), locales)
}

export default getRequestConfig(async () => {
  const locale = await requestLocale()
  const timeZone = await buildingTimeZone().catch(() => 'UTC')
  // Imported through the bundler (not read from disk) so next-intl's loader precompiles each catalogue.
  const messages = (await import(`../../messages/${locale}.json`)).default
  return { locale, messages, timeZone }
})
