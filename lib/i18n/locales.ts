// Language negotiation. The languages themselves are the files in messages/ (lib/i18n/catalogue.ts lists them):
// adding one is its message file, named by its BCP 47 tag, e.g. messages/ko.json.
export type Locale = string
export const DEFAULT_LOCALE = 'en'
/** Remembers the choice made before signing in (the sign-in page) and on shared desks. */
export const LOCALE_COOKIE = 'NEXT_LOCALE'

export function isLocaleOf(locales: readonly string[], value: unknown): value is Locale {
  return typeof value === 'string' && locales.includes(value)
}

/**
 * The best of `locales` for an Accept-Language header (RFC 9110 §12.5.4): tags by descending q, an exact match
 * first, then the primary language (`zh-Hans-CN`, `zh-SG`, `zh` → zh-CN; `en-GB` → en). Malformed parts are
 * ignored; the header is the browser's word, so nothing in it is used beyond picking from `locales`.
 */
export function negotiateLocale(header: string | null | undefined, locales: readonly string[]): Locale {
  if (!header) return DEFAULT_LOCALE
  const wanted = header
    .slice(0, 512)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q ? Number(q.slice(2)) : 1
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((w) => /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(w.tag) && w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  for (const { tag } of wanted) {
    const exact = locales.find((l) => l.toLowerCase() === tag)
    if (exact) return exact
    const primary = tag.split('-')[0]
    const byLanguage = locales.find((l) => l.toLowerCase().split('-')[0] === primary)
    if (byLanguage) return byLanguage
  }
  return DEFAULT_LOCALE
}
