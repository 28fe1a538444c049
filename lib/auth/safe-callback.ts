// Where to go after signing in: only a path on this console. `callbackUrl` arrives in a link anyone can send a
// guard, so `//evil.example`, `/\evil.example` (browsers read `\` as `/`), `https://evil.example` and paths with
// control characters (a tab inside `/\t/evil.example` is dropped by URL parsing) are all refused.
const PROBE_ORIGIN = 'http://console.invalid'

/** The same-origin path (with query and hash) to go to, or undefined when `value` could leave the origin. */
export function safeCallbackPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined
  if (!URL.canParse(value, PROBE_ORIGIN)) return undefined
  const url = new URL(value, PROBE_ORIGIN)
  if (url.origin !== PROBE_ORIGIN) return undefined
  return `${url.pathname}${url.search}${url.hash}`
}

/** next-auth's redirect callback: absolute URLs only on our own origin, as their path; anything else goes home. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl)
  const candidate = URL.canParse(url) ? new URL(url) : undefined
  const path = candidate ? (candidate.origin === base.origin ? url.slice(base.origin.length) : undefined) : url
  return `${base.origin}${safeCallbackPath(path) ?? '/'}`
}
