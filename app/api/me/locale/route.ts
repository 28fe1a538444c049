import { setUserLocale } from '@/lib/i18n/mutations'
import { LOCALE_COOKIE } from '@/lib/i18n/locales'
import { auditContextOf, jsonBodyOf } from '@/lib/http/request-input'
import { withPermission } from '@/lib/http/with-permission'

export const dynamic = 'force-dynamic'

/** Saves the caller's console language and sets the cookie that the sign-in page reads. */
export const PUT = withPermission('me.read', async ({ db, actor, request }) => {
  const locale = await setUserLocale(db, actor, await jsonBodyOf(request), auditContextOf(request))
  const response = Response.json({ locale })
  response.headers.append(
    'set-cookie',
    `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=31536000; SameSite=Lax`,
  )
  return response
})
